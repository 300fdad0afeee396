using ChuyenDe.Modules.Admin;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChuyenDe.Modules.ScaleOut;

/// <summary>
/// The sign-in throttle's counters in Redis, shared by every node, with the rules of <see cref="SignInThrottle"/>: per
/// (account, address) pair and per address a hash of the failures and the last failure's time (incremented, stamped and
/// given the forget-after expiry in one script, so two nodes counting at once both count), per account a sorted set of the
/// failing addresses by time. Redis unreachable: the attempt is not slowed (signing in keeps working; the failure is logged
/// by the caller's log of failed sign-ins).
/// </summary>
internal sealed class RedisSignInThrottle(RedisConnection redis, TimeProvider clock, IOptions<SignInOptions> options) : ISignInThrottle
{
    private const int MaxAddressesPerAccount = 1_000;

    // KEYS: pair, address, account; ARGV: now (ms), forget-after (ms), address key, max addresses per account.
    private const string FailedScript = """
        for i = 1, 2 do
            redis.call('hincrby', KEYS[i], 'n', 1)
            redis.call('hset', KEYS[i], 'last', ARGV[1])
            redis.call('pexpire', KEYS[i], ARGV[2])
        end
        redis.call('zremrangebyscore', KEYS[3], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
        if redis.call('zcard', KEYS[3]) < tonumber(ARGV[4]) or redis.call('zscore', KEYS[3], ARGV[3]) then
            redis.call('zadd', KEYS[3], ARGV[1], ARGV[3])
        end
        redis.call('pexpire', KEYS[3], ARGV[2])
        return 1
        """;

    public async Task<TimeSpan> RetryAfterAsync(string? address, string account, CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (pair, fromAddress, onAccount, _) = Keys(address, account);
        try
        {
            var db = redis.Database;
            var pairValues = db.HashGetAsync(pair, ["n", "last"]);
            var addressValues = db.HashGetAsync(fromAddress, ["n", "last"]);
            var forgetBefore = (now - o.ForgetAfter).ToUnixTimeMilliseconds();
            var addresses = db.SortedSetLengthAsync(onAccount, forgetBefore, double.PositiveInfinity);
            var lastOnAccount = db.SortedSetRangeByRankWithScoresAsync(onAccount, -1, -1);
            await Task.WhenAll(pairValues, addressValues, addresses, lastOnAccount);

            var wait = Max(TimeSpan.Zero, Remaining(await pairValues, o.FreeFailuresPerAccountAndAddress, o.MaxDelay, now));
            wait = Max(wait, Remaining(await addressValues, o.FreeFailuresPerAddress, o.MaxDelay, now));
            var last = (await lastOnAccount) is [var newest] ? DateTimeOffset.FromUnixTimeMilliseconds((long)newest.Score) : now;
            wait = Max(wait, SignInThrottle.Remaining((int)await addresses, last, o.FreeAddressesPerAccount, o.MaxAccountDelay, now));
            return wait;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return TimeSpan.Zero;
        }
    }

    public async Task FailedAsync(string? address, string account, CancellationToken ct = default)
    {
        var o = options.Value;
        var (pair, fromAddress, onAccount, addressKey) = Keys(address, account);
        try
        {
            await redis.Database.ScriptEvaluateAsync(FailedScript, [pair, fromAddress, onAccount],
            [
                clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)o.ForgetAfter.TotalMilliseconds, addressKey, MaxAddressesPerAccount,
            ]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Not counted: Redis is down (logged by StackExchange.Redis's connection events and the health check).
        }
    }

    public async Task SucceededAsync(string? address, string account, CancellationToken ct = default)
    {
        var (pair, _, _, _) = Keys(address, account);
        try
        {
            await redis.Database.KeyDeleteAsync(pair);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The pair's failures stay until they are forgotten.
        }
    }

    private (RedisKey Pair, RedisKey Address, RedisKey Account, string AddressKey) Keys(string? address, string account)
    {
        var (addressKey, accountKey) = SignInThrottle.Keys(address, account);
        return (redis.Options.Key("signin:pair:" + accountKey + "\n" + addressKey),
            redis.Options.Key("signin:address:" + addressKey),
            redis.Options.Key("signin:account:" + accountKey),
            addressKey);
    }

    private static TimeSpan Remaining(RedisValue[] counter, int free, TimeSpan cap, DateTimeOffset now)
    {
        if (counter is not [var failures, var last] || failures.IsNull || last.IsNull)
        {
            return TimeSpan.Zero;
        }

        return SignInThrottle.Remaining((int)failures, DateTimeOffset.FromUnixTimeMilliseconds((long)last), free, cap, now);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
