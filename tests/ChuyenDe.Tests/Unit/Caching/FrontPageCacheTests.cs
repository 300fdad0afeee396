using ChuyenDe.Modules.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Tests.Unit.Caching;

public sealed class FrontPageCacheTests
{
    private static FrontPage Page(int bytes, long expiresAt, params string[] tags)
        => new(new byte[bytes], [new("Content-Type", new StringValues("text/html"))], "W/\"a\"", new HashSet<string>(tags), 0, expiresAt);

    [Fact]
    public void A_kept_page_is_served_until_it_expires()
    {
        var cache = new FrontPageCache(1024 * 1024);
        cache.TryAdd("k", Page(10, expiresAt: 1_000, "item:1"), cache.Generation);

        Assert.True(cache.TryGet("k", now: 999, out var page));
        Assert.Equal(10, page.Body.Length);
        Assert.False(cache.TryGet("k", now: 1_000, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Evicting_a_tag_drops_exactly_the_pages_carrying_it()
    {
        var cache = new FrontPageCache(1024 * 1024);
        var start = cache.Generation;
        cache.TryAdd("item", Page(10, long.MaxValue, "item:1", "site"), start);
        cache.TryAdd("list", Page(10, long.MaxValue, "listing:Article", "site"), start);

        cache.Evict("item:1");
        Assert.False(cache.TryGet("item", 0, out _));
        Assert.True(cache.TryGet("list", 0, out _));

        cache.Evict("site");
        Assert.False(cache.TryGet("list", 0, out _));
    }

    [Fact]
    public void A_page_rendered_while_one_of_its_tags_was_evicted_is_not_kept_but_an_unrelated_eviction_does_not_matter()
    {
        var cache = new FrontPageCache(1024 * 1024);
        var start = cache.Generation;
        cache.Evict("item:1"); // a publish committed while the two pages were rendered

        cache.TryAdd("stale", Page(10, long.MaxValue, "item:1"), start);
        cache.TryAdd("fine", Page(10, long.MaxValue, "item:2"), start);

        Assert.False(cache.TryGet("stale", 0, out _));
        Assert.True(cache.TryGet("fine", 0, out _));
    }

    [Fact]
    public void The_cache_keeps_within_its_bytes_and_makes_room_by_dropping_expired_pages()
    {
        var cache = new FrontPageCache(16 * 100);
        cache.TryAdd("a", Page(100, expiresAt: 10), cache.Generation);
        for (var i = 0; i < 20; i++)
        {
            cache.TryAdd("p" + i, Page(100, long.MaxValue), cache.Generation);
        }

        // 15 pages fitted beside "a"; the 16th took the room of "a", expired; then the cache was full.
        Assert.Equal(16, cache.Count);
        Assert.False(cache.TryGet("a", 0, out _));
        Assert.True(cache.TryGet("p15", 0, out _));
        Assert.False(cache.TryGet("p16", 0, out _));

        // A page larger than a sixteenth of the whole is never kept.
        var small = new FrontPageCache(1600);
        small.TryAdd("big", Page(101, long.MaxValue), small.Generation);
        Assert.Equal(0, small.Count);
    }

    [Theory]
    [InlineData(null, "identity")]
    [InlineData("", "identity")]
    [InlineData("identity", "identity")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip;q=1.0, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("BR ; q=0.9 , GZIP ; q=0.8", "br")]
    [InlineData("gzip;q=0, br;q=0", "identity")]
    [InlineData("gzip;q=abc", "identity")]
    public void The_encoding_a_page_is_cached_under_follows_the_client_s_preferences(string? header, string expected)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers.AcceptEncoding = header;
        }

        Assert.Equal(expected, PublicPagePolicy.AcceptedEncoding(context.Request));
    }
}
