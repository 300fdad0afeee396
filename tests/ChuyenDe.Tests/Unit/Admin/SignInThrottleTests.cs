using ChuyenDe.Modules.Admin;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Admin;

public sealed class SignInThrottleTests
{
    private readonly ManualClock _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_clock, Options.Create(new SignInOptions()));

    [Fact]
    public void Failures_of_one_account_from_one_address_grow_the_wait_up_to_the_cap_and_concern_that_address_only()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("203.0.113.1", "admin"));
            _throttle.Failed("203.0.113.1", "admin");
        }

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 14; i++)
        {
            var wait = _throttle.RetryAfter("203.0.113.1", "admin");
            waits.Add(wait);
            _clock.Advance(wait);
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("203.0.113.1", "admin"));
            _throttle.Failed("203.0.113.1", "admin");
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900], waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("198.51.100.2", "admin"));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("203.0.113.1", "so.hcm"));
    }

    [Fact]
    public void Guessing_from_many_addresses_slows_the_account_down_a_little_never_locks_it_and_is_forgotten()
    {
        for (var i = 0; i < 9; i++)
        {
            _throttle.Failed("203.0.113." + i, "admin");
        }

        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("198.51.100.2", "admin"));
        _throttle.Failed("203.0.113.9", "admin");
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.RetryAfter("198.51.100.2", "admin"));
        for (var i = 10; i < 40; i++)
        {
            _throttle.Failed("203.0.113." + i, "admin");
        }

        var wait = _throttle.RetryAfter("198.51.100.2", "admin");
        Assert.Equal(TimeSpan.FromMinutes(2), wait);
        _clock.Advance(wait);
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("198.51.100.2", "admin"));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("198.51.100.2", "so.hcm"));
    }

    [Fact]
    public void A_right_password_clears_the_pair_and_an_hour_without_failures_clears_the_rest()
    {
        for (var i = 0; i < 5; i++)
        {
            _throttle.Failed("203.0.113.1", "admin");
        }

        _throttle.Succeeded("203.0.113.1", "admin");
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("203.0.113.1", "admin"));

        for (var i = 0; i < 25; i++)
        {
            _throttle.Failed("203.0.113.9", "user" + i);
        }

        Assert.NotEqual(TimeSpan.Zero, _throttle.RetryAfter("203.0.113.9", "someone.else"));
        _clock.Advance(TimeSpan.FromMinutes(61));
        _throttle.Failed("203.0.113.9", "another");
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("203.0.113.9", "someone.else"));
    }
}
