using ChuyenDe.Modules.Caching;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Tests.Unit.Caching;

public sealed class ReferenceDataCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static DbContext Context() => new(new DbContextOptionsBuilder().Options);

    [Fact]
    public async Task A_value_is_read_once_until_it_is_invalidated_or_expires()
    {
        var clock = new Clock();
        var cache = new ReferenceDataCache(clock);
        using var db = Context();
        var reads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult("v" + ++reads);

        Assert.Equal("v1", await cache.GetOrLoadAsync(db, "k", Load));
        Assert.Equal("v1", await cache.GetOrLoadAsync(db, "k", Load));

        cache.Invalidate("k");
        Assert.Equal("v2", await cache.GetOrLoadAsync(db, "k", Load));

        clock.Now += ReferenceDataCache.Lifetime + TimeSpan.FromSeconds(1); // another node's change: seen after the lifetime
        Assert.Equal("v3", await cache.GetOrLoadAsync(db, "k", Load));
        Assert.Equal("v3", await cache.GetOrLoadAsync(db, "k", Load));
    }

    [Fact]
    public async Task A_read_that_began_before_a_change_is_not_kept()
    {
        var cache = new ReferenceDataCache(new Clock());
        using var db = Context();
        var release = new TaskCompletionSource<string>();
        var slow = cache.GetOrLoadAsync(db, "k", _ => release.Task); // reading the old rows…
        cache.Invalidate("k"); // …while a change commits
        release.SetResult("old");
        Assert.Equal("old", await slow);

        Assert.Equal("new", await cache.GetOrLoadAsync(db, "k", _ => Task.FromResult("new")));
    }

    [Fact]
    public void A_value_kept_by_generation_is_dropped_by_a_change_made_while_it_was_read()
    {
        var clock = new Clock();
        var cache = new ReferenceDataCache(clock);
        using var db = Context();

        var generation = cache.Generation("item"); // reading the published version…
        cache.Invalidate("item"); // …while a change commits
        cache.Keep(db, "item", "old", generation);
        Assert.Null(cache.TryGet<string>(db, "item"));

        cache.Keep(db, "item", "new", cache.Generation("item"));
        Assert.Equal("new", cache.TryGet<string>(db, "item"));

        clock.Now += ReferenceDataCache.Lifetime + TimeSpan.FromSeconds(1);
        Assert.Null(cache.TryGet<string>(db, "item"));
    }

    [Fact]
    public void A_context_that_wrote_a_key_does_not_read_it_from_the_cache()
    {
        var cache = new ReferenceDataCache(new Clock());
        using var other = Context();
        using var writer = Context();
        cache.Keep(other, "item", "kept", cache.Generation("item"));

        cache.MarkWritten(writer, ["item"]);
        Assert.Null(cache.TryGet<string>(writer, "item"));
        Assert.Equal("kept", cache.TryGet<string>(other, "item"));
        cache.Keep(writer, "item", "uncommitted", cache.Generation("item"));
        Assert.Equal("kept", cache.TryGet<string>(other, "item"));
    }

    private sealed class PooledContext(DbContextOptions<PooledContext> options) : DbContext(options);

    [Fact]
    public void A_pooled_context_leased_again_reads_from_the_cache()
    {
        // The site's contexts are pooled (Data/DataModule): what one request wrote must not follow the context into the next.
        var cache = new ReferenceDataCache(new Clock());
        var pool = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<PooledContext>(
            new DbContextOptionsBuilder<PooledContext>().UseSqlite("Data Source=:memory:").Options);
        var first = pool.CreateDbContext();
        cache.Keep(first, "item", "kept", cache.Generation("item"));
        cache.MarkWritten(first, ["item"]);
        Assert.Null(cache.TryGet<string>(first, "item"));
        first.Dispose();

        using var second = pool.CreateDbContext();
        Assert.Same(first, second); // the same instance, a new lease
        Assert.Equal("kept", cache.TryGet<string>(second, "item"));
    }
}
