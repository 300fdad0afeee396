using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Admin;

/// <summary><c>ChuyenDe:SignIn</c>: sessions and the slowing down of password guessing.</summary>
public sealed class SignInOptions
{
    public const string Section = "ChuyenDe:SignIn";

    /// <summary>A session ends this long after signing in, however active it is (the sliding lifetime is 8 hours).</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failures of one account from one address before each further attempt waits 1, 2, 4, … seconds.</summary>
    public int FreeFailuresPerAccountAndAddress { get; set; } = 3;

    /// <summary>Failures from one address (all accounts; a school's shared connection) before attempts from it wait.</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The longest wait for one address, or one account from one address.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Addresses that failed on one account within <see cref="ForgetAfter"/> before every attempt on the account, from
    /// anywhere, waits (guessing spread over many machines).
    /// </summary>
    public int FreeAddressesPerAccount { get; set; } = 10;

    /// <summary>The longest wait for an account under guessing from many addresses; kept short, the owner waits it too.</summary>
    public TimeSpan MaxAccountDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failures are forgotten after this long without another one.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Slows password guessing down without locking anybody out. Failures are counted per (account, client address) pair,
/// per address, and per account (as the number of distinct addresses failing on it). Past a free allowance, each
/// further attempt must wait 2^k seconds after the last failure, up to a cap; an attempt made too early is refused
/// without looking at the password (and does not count). A stranger failing on <c>admin</c> from one address slows
/// down only that address: the administrator signs in from another one at once.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SignInOptions> options) : ISignInThrottle
{
    private const int MaxEntries = 100_000;
    private const int MaxAddressesPerAccount = 1_000;
    private readonly Dictionary<string, Counter> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountFailures> _accounts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long this attempt must still wait; <see cref="TimeSpan.Zero"/> when it may go ahead.</summary>
    public TimeSpan RetryAfter(string? address, string account)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (addressKey, accountKey) = Keys(address, account);
        lock (_lock)
        {
            var wait = TimeSpan.Zero;
            if (_pairs.TryGetValue(accountKey + "\n" + addressKey, out var pair))
            {
                wait = Max(wait, Remaining(pair.Failures, pair.Last, o.FreeFailuresPerAccountAndAddress, o.MaxDelay, now));
            }

            if (_addresses.TryGetValue(addressKey, out var fromAddress))
            {
                wait = Max(wait, Remaining(fromAddress.Failures, fromAddress.Last, o.FreeFailuresPerAddress, o.MaxDelay, now));
            }

            if (_accounts.TryGetValue(accountKey, out var onAccount))
            {
                onAccount.Forget(now - o.ForgetAfter);
                wait = Max(wait, Remaining(onAccount.Addresses.Count, onAccount.Last, o.FreeAddressesPerAccount, o.MaxAccountDelay, now));
            }

            return wait;
        }
    }

    /// <summary>Records a failed attempt (unknown account or wrong password).</summary>
    public void Failed(string? address, string account)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (addressKey, accountKey) = Keys(address, account);
        lock (_lock)
        {
            if (_pairs.Count + _addresses.Count + _accounts.Count > MaxEntries)
            {
                Prune(now - o.ForgetAfter);
            }

            Count(_pairs, accountKey + "\n" + addressKey, now, o.ForgetAfter);
            Count(_addresses, addressKey, now, o.ForgetAfter);
            if (!_accounts.TryGetValue(accountKey, out var onAccount))
            {
                _accounts[accountKey] = onAccount = new AccountFailures();
            }

            onAccount.Forget(now - o.ForgetAfter);
            if (onAccount.Addresses.Count < MaxAddressesPerAccount || onAccount.Addresses.ContainsKey(addressKey))
            {
                onAccount.Addresses[addressKey] = now;
            }

            onAccount.Last = now;
        }
    }

    /// <summary>A right password: the account's failures from this address are forgotten.</summary>
    public void Succeeded(string? address, string account)
    {
        var (addressKey, accountKey) = Keys(address, account);
        lock (_lock)
        {
            _pairs.Remove(accountKey + "\n" + addressKey);
        }
    }

    Task<TimeSpan> ISignInThrottle.RetryAfterAsync(string? address, string account, CancellationToken ct)
        => Task.FromResult(RetryAfter(address, account));

    Task ISignInThrottle.FailedAsync(string? address, string account, CancellationToken ct)
    {
        Failed(address, account);
        return Task.CompletedTask;
    }

    Task ISignInThrottle.SucceededAsync(string? address, string account, CancellationToken ct)
    {
        Succeeded(address, account);
        return Task.CompletedTask;
    }

    /// <summary>The keys of an address and an account (the account's name is compared without case).</summary>
    internal static (string Address, string Account) Keys(string? address, string account)
        => (address ?? "local", account.Trim().ToUpperInvariant());

    /// <summary>What is left of the wait after <paramref name="failures"/> failures, the last at <paramref name="last"/>.</summary>
    internal static TimeSpan Remaining(int failures, DateTimeOffset last, int free, TimeSpan cap, DateTimeOffset now)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - free, 30);
        var delay = TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, exponent)));
        var remaining = last + delay - now;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private static void Count(Dictionary<string, Counter> counters, string key, DateTimeOffset now, TimeSpan forgetAfter)
    {
        if (!counters.TryGetValue(key, out var counter) || now - counter.Last > forgetAfter)
        {
            counters[key] = counter = new Counter();
        }

        counter.Failures++;
        counter.Last = now;
    }

    private void Prune(DateTimeOffset before)
    {
        foreach (var (key, _) in _pairs.Where(p => p.Value.Last < before).ToList())
        {
            _pairs.Remove(key);
        }

        foreach (var (key, _) in _addresses.Where(p => p.Value.Last < before).ToList())
        {
            _addresses.Remove(key);
        }

        foreach (var (key, _) in _accounts.Where(p => p.Value.Last < before).ToList())
        {
            _accounts.Remove(key);
        }

        if (_pairs.Count + _addresses.Count + _accounts.Count > MaxEntries)
        {
            // Flooded with fresh names: keep the addresses (they carry most of the protection) and start the rest again.
            _pairs.Clear();
            _accounts.Clear();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset Last;
    }

    private sealed class AccountFailures
    {
        public Dictionary<string, DateTimeOffset> Addresses { get; } = new(StringComparer.Ordinal);
        public DateTimeOffset Last;

        public void Forget(DateTimeOffset before)
        {
            foreach (var (key, _) in Addresses.Where(a => a.Value < before).ToList())
            {
                Addresses.Remove(key);
            }
        }
    }
}
