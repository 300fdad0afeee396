using ChuyenDe.Modules.Data;
using StackExchange.Redis;

namespace ChuyenDe.Modules.ScaleOut;

/// <summary>
/// <see cref="IDistributedLock"/> in Redis: <c>SET key token NX PX lease</c> takes it, and a script deletes the key only
/// while it still holds this holder's token (a lease that ran out and was taken by another node is not released by the
/// first). Redis unreachable: the lock is not taken (the job waits for its next pass).
/// </summary>
internal sealed class RedisDistributedLock(RedisConnection redis) : IDistributedLock
{
    private const string ReleaseScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
            return redis.call('del', KEYS[1])
        end
        return 0
        """;

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken ct = default)
    {
        var key = redis.Options.Key("lock:" + name);
        var token = Guid.NewGuid().ToString("N");
        var taken = await redis.Database.StringSetAsync(key, token, lease, When.NotExists);
        return taken ? new Held(redis, key, token) : null;
    }

    private sealed class Held(RedisConnection redis, string key, string token) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await redis.Database.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
        }
    }
}
