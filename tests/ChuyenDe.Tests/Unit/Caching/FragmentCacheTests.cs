using ChuyenDe.Modules.Caching;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Tests.Unit.Caching;

public sealed class FragmentCacheTests
{
    [Fact]
    public void Evicting_a_tag_drops_exactly_the_fragments_carrying_it()
    {
        var cache = new FragmentCache();
        var start = cache.Generation;
        cache.Keep("item", "<p>item</p>", 11, ["item:1", "site"], start);
        cache.Keep("footer", "<footer></footer>", 17, ["site"], start);

        Assert.Equal("<p>item</p>", cache.TryGet<string>("item"));
        cache.Evict("item:1");
        Assert.Null(cache.TryGet<string>("item"));
        Assert.NotNull(cache.TryGet<string>("footer"));

        cache.Evict("site");
        Assert.Null(cache.TryGet<string>("footer"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_fragment_built_while_one_of_its_tags_was_evicted_is_not_kept_but_an_unrelated_eviction_does_not_matter()
    {
        var cache = new FragmentCache();
        var start = cache.Generation;
        cache.Evict("item:1");
        cache.Keep("stale", "old", 3, ["item:1"], start);
        Assert.Null(cache.TryGet<string>("stale"));

        cache.Keep("other", "fine", 4, ["item:2"], start);
        Assert.Equal("fine", cache.TryGet<string>("other"));
    }

    [Fact]
    public void The_cache_stays_within_its_bound_dropping_the_oldest_and_refusing_what_is_too_large()
    {
        var cache = new FragmentCache();
        var piece = FragmentCache.MaxWeight / 20;
        for (var i = 0; i < 40; i++)
        {
            cache.Keep("k" + i, new object(), piece, ["site"], cache.Generation);
        }

        Assert.InRange(cache.Count, 1, 20);
        Assert.NotNull(cache.TryGet<object>("k39"));
        Assert.Null(cache.TryGet<object>("k0"));

        cache.Keep("huge", new object(), FragmentCache.MaxWeight / 8, ["site"], cache.Generation);
        Assert.Null(cache.TryGet<object>("huge"));
    }

    [Fact]
    public void Tags_given_to_the_page_while_a_fragment_is_built_are_collected_by_it_and_the_fragments_around_it()
    {
        var context = new DefaultHttpContext();
        using (var outer = FragmentCache.CollectTags(context))
        {
            using (var inner = FragmentCache.CollectTags(context))
            {
                PageCache.Tag(context, "commendations");
                Assert.Contains("commendations", inner.Tags);
            }

            PageCache.Tag(context, "terms");
            Assert.Equal(new[] { "commendations", "terms" }, outer.Tags.Order(StringComparer.Ordinal));
        }

        Assert.Null(context.Features.Get<FragmentTags>());
    }
}
