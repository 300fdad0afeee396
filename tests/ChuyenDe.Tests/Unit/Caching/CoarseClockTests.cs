using ChuyenDe.Modules.Caching;

namespace ChuyenDe.Tests.Unit.Caching;

/// <summary>The clock the fragment cache reads at every lookup: never ahead of the system's, at most a timer tick behind.</summary>
public sealed class CoarseClockTests
{
    [Fact]
    public async Task It_follows_the_system_clock_a_quarter_second_behind_at_most()
    {
        var before = CoarseClock.Milliseconds;
        Assert.True(before <= Environment.TickCount64);

        await Task.Delay(600);

        var after = CoarseClock.Milliseconds;
        Assert.True(after > before, "the clock moved on");
        // A tick of 250 ms, with room for a busy test machine's timer.
        Assert.InRange(Environment.TickCount64 - after, 0, 2_000);
    }
}
