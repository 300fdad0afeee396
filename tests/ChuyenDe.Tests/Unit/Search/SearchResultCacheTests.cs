using ChuyenDe.Modules.Search;
using Lucene.Net.Store;

namespace ChuyenDe.Tests.Unit.Search;

/// <summary>The results an index keeps per reader (<c>SearchResultCache</c>): served again only until the index changes.</summary>
public sealed class SearchResultCacheTests : IDisposable
{
    private readonly SearchIndex _index = new(new RAMDirectory(), ownsDirectory: true, resultCacheSize: 4);
    private static readonly DateTime Day = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Dispose() => _index.Dispose();

    private void Add(string id, string title, string type = "Initiative", int day = 0)
        => _index.AddOrUpdate(new SearchDocument
        {
            ContentItemId = id,
            ContentType = type,
            Title = title,
            Body = "Nội dung " + title,
            Terms = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Criteria] = ["crit-1"] },
            Published = true,
            PublishedUtc = Day.AddDays(day),
            ModifiedUtc = Day.AddDays(day),
            Path = "sang-kien/" + id,
        });

    private static SearchRequest Request(string? query, int page = 1, params (string Facet, string[] Values)[] filters) => new()
    {
        Query = query,
        Page = page,
        Sort = query is null ? SearchSort.Newest : SearchSort.Relevance,
        Filters = filters.ToDictionary(f => f.Facet, f => (IReadOnlyList<string>)f.Values),
    };

    private static List<string> Ids(SearchResults results) => results.Hits.Select(h => h.ContentItemId).ToList();

    [Fact]
    public void The_same_request_is_answered_from_the_kept_results_until_the_index_changes()
    {
        Add("a", "Giờ ăn của trẻ", day: 1);
        Add("b", "Giờ ngủ của trẻ", day: 2);
        _index.Commit();

        var first = _index.Search(Request("trẻ"));
        Assert.Same(first, _index.Search(Request("  TRẺ ")));
        Assert.Equal(["b", "a"], Ids(_index.Search(Request(null))));

        // Written but not yet visible: the same results, as before the cache.
        Add("c", "Giờ chơi của trẻ", day: 3);
        Assert.Same(first, _index.Search(Request("trẻ")));

        _index.Refresh();
        var afterAdd = _index.Search(Request("trẻ"));
        Assert.NotSame(first, afterAdd);
        Assert.Equal(3, afterAdd.Total);
        Assert.Equal(["c", "b", "a"], Ids(_index.Search(Request(null))));

        Add("c", "Giờ chơi ngoài trời", day: 3);
        _index.Commit();
        Assert.Equal(2, _index.Search(Request("trẻ")).Total);
        Assert.Equal("Giờ chơi ngoài trời", _index.Search(Request(null)).Hits[0].DisplayText);

        _index.Delete("b");
        _index.Refresh();
        Assert.Equal(["a"], Ids(_index.Search(Request("trẻ"))));
        Assert.Equal(["c", "a"], Ids(_index.Search(Request(null))));
    }

    [Fact]
    public void A_refresh_without_changes_keeps_the_results()
    {
        Add("a", "Giờ ăn của trẻ");
        _index.Commit();
        var first = _index.Search(Request("trẻ"));

        _index.Refresh();
        _index.Commit();
        Assert.Same(first, _index.Search(Request("trẻ")));
    }

    [Fact]
    public void Requests_differing_in_page_filters_or_words_are_kept_apart_and_filter_order_does_not_matter()
    {
        for (var i = 0; i < 30; i++)
        {
            Add("i" + i, "Sáng kiến số " + i, type: i % 2 == 0 ? "Initiative" : "Article", day: i);
        }

        _index.Commit();
        var both = _index.Search(Request(null, 1, (SearchFacets.Type, new[] { "Initiative", "Article" }), (SearchFacets.Criteria, new[] { "crit-1" })));
        Assert.Same(both, _index.Search(Request(null, 1, (SearchFacets.Criteria, new[] { "crit-1" }), (SearchFacets.Type, new[] { "Article", "Initiative", "Article" }))));
        Assert.Equal(30, both.Total);

        var initiatives = _index.Search(Request(null, 1, (SearchFacets.Type, new[] { "Initiative" })));
        Assert.Equal(15, initiatives.Total);
        Assert.All(initiatives.Hits, h => Assert.Equal("Initiative", h.ContentType));

        var second = _index.Search(Request(null, 2, (SearchFacets.Type, new[] { "Initiative", "Article" }), (SearchFacets.Criteria, new[] { "crit-1" })));
        Assert.Empty(Ids(both).Intersect(Ids(second)));
        Assert.Equal(["i29"], Ids(_index.Search(Request("29"))));
        Assert.Equal(["i28"], Ids(_index.Search(Request("28"))));
    }

    [Fact]
    public void It_keeps_at_most_its_capacity_and_still_answers_right_beyond_it()
    {
        for (var i = 0; i < 10; i++)
        {
            Add("i" + i, "Sáng kiến số " + i, day: i);
        }

        _index.Commit();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(["i" + i], Ids(_index.Search(Request(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            }
        }
    }

    [Fact]
    public void Without_room_every_search_runs()
    {
        using var index = new SearchIndex(new RAMDirectory(), ownsDirectory: true);
        index.AddOrUpdate(new SearchDocument
        {
            ContentItemId = "a", ContentType = "Initiative", Title = "Giờ ăn", Published = true, ModifiedUtc = Day, PublishedUtc = Day,
        });
        index.Commit();
        Assert.NotSame(index.Search(Request("ăn")), index.Search(Request("ăn")));
    }
}
