using System.Diagnostics;
using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.ScaleOut;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.ScaleOut;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.ScaleOut;

/// <summary>
/// The Redis pieces of the scale-out mode against a real <c>redis-server</c> of the test's own, two instances standing
/// for two nodes: the lock, the sign-in counters and the invalidation channel.
/// </summary>
public sealed class RedisScaleOutTests : IAsyncLifetime
{
    private ChildProcess? _redis;
    private int _port;

    public async Task InitializeAsync()
    {
        if (!File.Exists(TwoNodeFixture.RedisServer))
        {
            return;
        }

        _port = LocalPorts.Free();
        _redis = new ChildProcess("redis", new ProcessStartInfo(TwoNodeFixture.RedisServer)
        {
            ArgumentList = { "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
        });
        await LocalPorts.WaitListeningAsync(_port, TimeSpan.FromSeconds(20), () => _redis.Exited);
    }

    public Task DisposeAsync()
    {
        _redis?.Dispose();
        return Task.CompletedTask;
    }

    private void SkipUnlessAvailable()
    {
        if (_redis is not null)
        {
            return;
        }

        if (PostgresTestDatabase.InCi)
        {
            throw new InvalidOperationException($"{TwoNodeFixture.RedisServer} is not installed in CI: .ci/run installs it.");
        }

        Skip.If(true, $"{TwoNodeFixture.RedisServer} is not installed here; .ci/run installs it and these tests run in CI.");
    }

    private RedisConnection Node() => new(new ScaleOutOptions { Configuration = $"127.0.0.1:{_port}", InstanceName = "t" + Guid.NewGuid().ToString("N")[..6] });

    [SkippableFact]
    public async Task The_lock_is_held_by_one_holder_and_released_only_by_it()
    {
        SkipUnlessAvailable();
        using var redis = Node();
        var (a, b) = (new RedisDistributedLock(redis), new RedisDistributedLock(redis));
        var held = await a.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        Assert.NotNull(held);
        Assert.Null(await b.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));
        await held.DisposeAsync();
        var next = await b.TryAcquireAsync("job", TimeSpan.FromSeconds(30));
        Assert.NotNull(next);
        await held.DisposeAsync(); // released twice: does not free the next holder's lock
        Assert.Null(await a.TryAcquireAsync("job", TimeSpan.FromSeconds(30)));
        await next.DisposeAsync();

        // A holder that dies: its lease ends by itself.
        Assert.NotNull(await a.TryAcquireAsync("short", TimeSpan.FromMilliseconds(300)));
        await Task.Delay(600);
        Assert.NotNull(await b.TryAcquireAsync("short", TimeSpan.FromSeconds(30)));
    }

    [SkippableFact]
    public async Task Failures_recorded_by_two_nodes_count_together()
    {
        SkipUnlessAvailable();
        var options = Options.Create(new SignInOptions { FreeFailuresPerAccountAndAddress = 4 });
        using var redis = Node();
        var nodeA = new RedisSignInThrottle(redis, TimeProvider.System, options);
        var nodeB = new RedisSignInThrottle(redis, TimeProvider.System, options);
        for (var i = 0; i < 3; i++)
        {
            await (i % 2 == 0 ? nodeA : nodeB).FailedAsync("10.0.0.7", "Truong.BenThanh");
        }

        Assert.Equal(TimeSpan.Zero, await nodeA.RetryAfterAsync("10.0.0.7", "truong.benthanh"));
        // The fourth failure (on node B) reaches the allowance of 4: the next attempt, on either node, waits 1 s.
        await nodeB.FailedAsync("10.0.0.7", "truong.benthanh");
        var wait = await nodeA.RetryAfterAsync("10.0.0.7", "TRUONG.BENTHANH");
        Assert.InRange(wait, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, await nodeB.RetryAfterAsync("10.0.0.8", "truong.benthanh")); // another address

        await nodeA.SucceededAsync("10.0.0.7", "truong.benthanh");
        Assert.Equal(TimeSpan.Zero, await nodeB.RetryAfterAsync("10.0.0.7", "truong.benthanh"));
    }

    [SkippableFact]
    public async Task An_invalidation_published_by_one_node_reaches_the_others_not_itself()
    {
        SkipUnlessAvailable();
        using var redis = Node();
        var (seenA, seenB) = (new RecordingHandler(), new RecordingHandler());
        var nodeA = new RedisCacheInvalidationBus(redis, [seenA], NullLogger<RedisCacheInvalidationBus>.Instance);
        var nodeB = new RedisCacheInvalidationBus(redis, [seenB], NullLogger<RedisCacheInvalidationBus>.Instance);
        await nodeA.StartAsync(CancellationToken.None);
        await nodeB.StartAsync(CancellationToken.None);

        await nodeA.PublishAsync(new CacheInvalidation(CacheInvalidationKinds.PageTags, ["item:abc", "list:news"]));
        await nodeA.PublishAsync(new CacheInvalidation("another-cache", ["x"]));
        var clock = Stopwatch.StartNew();
        while (seenB.Keys.Count < 2 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.Equal(["item:abc", "list:news"], seenB.Keys);
        Assert.Empty(seenA.Keys);
    }

    private sealed class RecordingHandler : ICacheInvalidationHandler
    {
        public List<string> Keys { get; } = [];

        public string Kind => CacheInvalidationKinds.PageTags;

        public void Invalidate(IReadOnlyList<string> keys)
        {
            lock (Keys)
            {
                Keys.AddRange(keys);
            }
        }
    }
}
