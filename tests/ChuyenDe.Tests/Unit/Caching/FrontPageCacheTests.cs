using ChuyenDe.Modules.Caching;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Tests.Unit.Caching;

public sealed class FrontPageCacheTests
{
    private static FrontPage Page(int bytes, long expiresAt, params string[] tags)
        => new(new byte[bytes], [new("Content-Type", new StringValues("text/html"))], "W/\"a\"", new HashSet<string>(tags), 0, expiresAt);

    [Fact]
    public void An_expired_page_is_rendered_again_by_one_request_while_the_others_get_the_expired_copy()
    {
        var cache = new FrontPageCache(1024 * 1024);
        cache.TryAdd("k", Page(10, expiresAt: 1_000, "item:1"), cache.Generation);

        Assert.True(cache.TryGet("k", now: 999, out var page));
        Assert.Equal(10, page.Body.Length);
        Assert.False(cache.TryGet("k", now: 1_000, out _)); // this request renders the page again
        Assert.True(cache.TryGet("k", now: 1_001, out var stale)); // the others meanwhile: the expired copy
        Assert.Equal(10, stale.Body.Length);

        cache.TryAdd("k", Page(12, expiresAt: 700_000, "item:1"), cache.Generation);
        Assert.True(cache.TryGet("k", now: 1_003, out var fresh));
        Assert.Equal(12, fresh.Body.Length);
    }

    [Fact]
    public void An_expired_page_not_rendered_again_goes_after_a_short_while_and_an_evicted_one_at_once()
    {
        var cache = new FrontPageCache(1024 * 1024);
        cache.TryAdd("k", Page(10, expiresAt: 1_000, "item:1"), cache.Generation);
        Assert.False(cache.TryGet("k", now: 1_000, out _)); // its render kept nothing (an error, a page no longer public)
        Assert.True(cache.TryGet("k", now: 1_000 + FrontPageCache.StaleMilliseconds - 1, out _));
        Assert.False(cache.TryGet("k", now: 1_000 + FrontPageCache.StaleMilliseconds, out _));
        Assert.Equal(0, cache.Count);

        cache.TryAdd("e", Page(10, expiresAt: 1_000, "item:2"), cache.Generation);
        Assert.False(cache.TryGet("e", now: 1_000, out _));
        cache.Evict("item:2"); // a change: never answered from a copy again, expired or not
        Assert.False(cache.TryGet("e", now: 1_001, out _));
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
    public void The_cache_keeps_within_its_bytes_making_room_with_expired_pages_then_the_oldest()
    {
        var one = FrontPageCache.SizeOf("p00", Page(100, 0));
        var cache = new FrontPageCache(16 * one);
        cache.TryAdd("a00", Page(100, expiresAt: 10), cache.Generation);
        for (var i = 0; i < 16; i++)
        {
            cache.TryAdd($"p{i:00}", Page(100, long.MaxValue), cache.Generation);
        }

        // 15 pages fitted beside "a00"; the 16th took the room of "a00", expired.
        Assert.Equal(16, cache.Count);
        Assert.False(cache.TryGet("a00", 0, out _));
        Assert.True(cache.TryGet("p15", 0, out _));

        // Full of pages that have not expired: the oldest go until a quarter of the room is free.
        cache.TryAdd("p16", Page(100, long.MaxValue), cache.Generation);
        Assert.True(cache.TryGet("p16", 0, out _));
        Assert.InRange(cache.Count, 10, 13);

        // A page larger than a sixteenth of the whole is never kept.
        var small = new FrontPageCache(16 * one);
        small.TryAdd("big", Page(101 + (int)one, long.MaxValue), small.Generation);
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
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("br;q=0, gzip;q=0, *;q=0.1", "identity")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("BR ; q=0.9 , GZIP ; q=0.8", "br")]
    [InlineData("gzip;q=0, br;q=0", "identity")]
    [InlineData("gzip;q=abc", "identity")]
    public void The_encoding_a_page_is_cached_under_follows_the_client_s_preferences(string? header, string expected)
    {
        Assert.Equal(expected, AnonymousCompressionProvider.ChooseEncoding(header is null ? default : new StringValues(header)));
    }
}
