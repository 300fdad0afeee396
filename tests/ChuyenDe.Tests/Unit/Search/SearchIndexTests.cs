using System.Text;
using ChuyenDe.Modules.Search;
using Lucene.Net.Store;

namespace ChuyenDe.Tests.Unit.Search;

/// <summary>The Vietnamese analysis and the index itself, without a database (as the benchmark uses them).</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly SearchIndex _index = new(new RAMDirectory(), ownsDirectory: true);
    private static readonly DateTime Day = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Dispose() => _index.Dispose();

    private void Add(string id, string title, string? body = null, string? summary = null, string? attachments = null,
        string type = "Initiative", Dictionary<string, IReadOnlyList<string>>? terms = null, bool exemplary = false, int day = 0,
        string? organization = null, string? district = null, IReadOnlyList<string>? termNames = null)
        => _index.AddOrUpdate(new SearchDocument
        {
            ContentItemId = id,
            ContentType = type,
            Title = title,
            Body = body,
            Summary = summary,
            AttachmentText = attachments,
            Terms = terms ?? [],
            TermNames = termNames ?? [],
            Exemplary = exemplary,
            OrganizationId = organization,
            DistrictId = district,
            Published = true,
            PublishedUtc = Day.AddDays(day),
            ModifiedUtc = Day.AddDays(day),
            Path = "sang-kien/" + id,
        });

    private SearchResults Search(string? query, Action<SearchRequestBuilder>? configure = null)
    {
        var builder = new SearchRequestBuilder { Query = query };
        configure?.Invoke(builder);
        return _index.Search(builder.Build());
    }

    private sealed class SearchRequestBuilder
    {
        public string? Query { get; set; }
        public SearchSort Sort { get; set; }
        public int Page { get; set; } = 1;
        public int PageSize { get; set; } = 12;
        public bool ExemplaryOnly { get; set; }
        public Dictionary<string, IReadOnlyList<string>> Filters { get; } = [];
        public IReadOnlyCollection<string>? Scope { get; set; }

        public SearchRequest Build() => new()
        {
            Query = Query, Sort = Sort, Page = Page, PageSize = PageSize, ExemplaryOnly = ExemplaryOnly, Filters = Filters,
            OrganizationScope = Scope,
        };
    }

    private static List<string> Ids(SearchResults results) => results.Hits.Select(h => h.ContentItemId).ToList();

    [Fact]
    public void Words_typed_without_tone_marks_find_the_words_with_them()
    {
        Add("a", "Xây dựng trường mầm non lấy trẻ làm trung tâm");
        Add("b", "Tổ chức hội thi bé khỏe");
        _index.Commit();

        Assert.Equal(["a"], Ids(Search("mam non lay tre lam trung tam")));
        Assert.Equal(["a"], Ids(Search("MẦM NON")));
    }

    [Fact]
    public void D_finds_d_with_stroke_in_both_cases()
    {
        Add("a", "Chuyên đề ở huyện Đàm Hà", body: "Trường mầm non đổi mới giờ đón trẻ");
        Add("b", "Dạy trẻ hát", body: "Bài hát về mùa xuân");
        _index.Commit();

        Assert.Equal(["a"], Ids(Search("Dam Ha")));
        Assert.Equal(["a"], Ids(Search("dam ha")));
        Assert.Equal(["a"], Ids(Search("doi moi gio don")));
        Assert.Equal("dam", VietnameseAnalyzer.Fold("đàm"));
        Assert.Equal("dam", VietnameseAnalyzer.Fold("Đàm".ToLowerInvariant()));
    }

    [Fact]
    public void Decomposed_text_and_queries_behave_like_composed_ones()
    {
        var decomposedTitle = "Góc thiên nhiên của bé".Normalize(NormalizationForm.FormD);
        Add("nfd", decomposedTitle);
        Add("nfc", "Đổi mới giờ ăn");
        _index.Commit();

        Assert.Equal(["nfd"], Ids(Search("góc thiên nhiên")));
        Assert.Equal(["nfd"], Ids(Search("goc thien nhien")));
        Assert.Equal(["nfc"], Ids(Search("giờ ăn".Normalize(NormalizationForm.FormD))));
        Assert.Equal(["nfc"], Ids(Search("Đổi mới".Normalize(NormalizationForm.FormD))));
    }

    [Fact]
    public void A_phrase_ranks_above_the_same_words_far_apart()
    {
        Add("apart", "Kế hoạch tuần", body: "Giờ học buổi sáng với nhiều trò chơi vận động và hoạt động góc; buổi trưa trẻ ăn ngon.");
        Add("phrase", "Kế hoạch tuần", body: "Đổi mới tổ chức giờ ăn cho trẻ mẫu giáo, trẻ tự phục vụ và chia sẻ với bạn.");
        _index.Commit();

        var results = Search("giờ ăn");
        Assert.Equal(["phrase", "apart"], Ids(results));
        Assert.Equal(["phrase", "apart"], Ids(Search("gio an")));
    }

    [Fact]
    public void Exact_tone_marks_rank_above_folded_matches()
    {
        Add("ban-hang", "Trò chơi bán hàng");
        Add("ban-tay", "Trò chơi bàn tay");
        Add("ban-be", "Trò chơi bạn bè");
        _index.Commit();

        Assert.Equal("ban-tay", Ids(Search("bàn"))[0]);
        Assert.Equal("ban-hang", Ids(Search("bán"))[0]);
        Assert.Equal("ban-be", Ids(Search("bạn"))[0]);
        Assert.Equal(3, Search("ban").Total);
    }

    [Fact]
    public void No_word_is_dropped_as_a_stop_word()
    {
        Add("a", "Bé là ai", body: "the way to be or not");
        Add("b", "Bé vui chơi");
        _index.Commit();

        Assert.Equal(["a"], Ids(Search("là")));
        Assert.Equal(["a"], Ids(Search("the")));
        Assert.Equal(["a"], Ids(Search("to be or not")));
    }

    [Fact]
    public void The_title_weighs_more_than_the_summary_the_body_and_attachments()
    {
        Add("attachment", "Kế hoạch A", attachments: "Hoạt động steam với vật liệu tái chế");
        Add("body", "Kế hoạch B", body: "Hoạt động steam với vật liệu tái chế");
        Add("summary", "Kế hoạch C", summary: "Hoạt động steam với vật liệu tái chế");
        Add("title", "Hoạt động steam");
        _index.Commit();

        Assert.Equal(["title", "summary", "body", "attachment"], Ids(Search("steam")));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("AND (")]
    [InlineData("title:(mầm OR")]
    [InlineData("~!@#$%^&*()_+{}|:<>?[]\\;',./`")]
    [InlineData("   ")]
    [InlineData("\uD800 lone surrogate")]
    public void Hostile_queries_never_throw(string query)
    {
        Add("a", "Mầm non lấy trẻ làm trung tâm", body: "Và AND hoặc OR");
        _index.Commit();

        var results = Search(query);
        Assert.NotNull(results);
    }

    [Fact]
    public void A_query_of_ten_thousand_characters_still_searches_its_first_words()
    {
        Add("a", "Mầm non lấy trẻ làm trung tâm");
        _index.Commit();

        var results = Search("mầm non " + new string('x', 10_000));
        Assert.Equal(["a"], Ids(results));
        var words = string.Join(' ', Enumerable.Repeat("mầm non trẻ", 2000));
        Assert.Equal(["a"], Ids(Search(words)));
    }

    [Fact]
    public void Lucene_syntax_is_searched_as_words()
    {
        Add("a", "Trẻ và cha mẹ", body: "and or not");
        Add("b", "Trẻ chơi");
        _index.Commit();

        Assert.Equal(["a"], Ids(Search("trẻ AND (cha")));
        Assert.Equal(2, Search("trẻ*").Total);
        Assert.Equal(["a"], Ids(Search("\"cha mẹ\"")));
    }

    [Fact]
    public void Facets_count_the_whole_result_set_and_filters_combine()
    {
        var crit1 = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Criteria] = ["crit-1"], [SearchFacets.AgeGroup] = ["age-3-4"] };
        var crit2 = new Dictionary<string, IReadOnlyList<string>> { [SearchFacets.Criteria] = ["crit-2"], [SearchFacets.AgeGroup] = ["age-3-4"] };
        for (var i = 0; i < 30; i++)
        {
            Add($"i{i}", $"Sáng kiến trẻ số {i}", terms: i % 3 == 0 ? crit2 : crit1, organization: i % 2 == 0 ? "truong-a" : "truong-b",
                district: "phong-1", day: i);
        }

        Add("news", "Tin về trẻ", type: "Article");
        Add("ep", "Sản phẩm điển hình về trẻ", type: "ExemplaryProduct", exemplary: true);
        _index.Commit();

        var all = Search("trẻ", r => r.PageSize = 5);
        Assert.Equal(32, all.Total);
        Assert.Equal(5, all.Hits.Count);
        Assert.Equal(7, all.PageCount);
        Assert.Contains(new FacetCount("Initiative", 30), all.Facets[SearchFacets.Type]);
        Assert.Contains(new FacetCount("Article", 1), all.Facets[SearchFacets.Type]);
        Assert.Contains(new FacetCount("crit-1", 20), all.Facets[SearchFacets.Criteria]);
        Assert.Contains(new FacetCount("crit-2", 10), all.Facets[SearchFacets.Criteria]);
        Assert.Contains(new FacetCount("truong-a", 15), all.Facets[SearchFacets.Organization]);
        Assert.Equal([new FacetCount("true", 1)], all.Facets[SearchFacets.Exemplary]);

        var filtered = Search("trẻ", r =>
        {
            r.Filters[SearchFacets.Criteria] = ["crit-2"];
            r.Filters[SearchFacets.Organization] = ["truong-a"];
        });
        // crit-2 is i % 3 == 0, truong-a is i even: i in {0, 6, 12, 18, 24}.
        Assert.Equal(5, filtered.Total);
        Assert.Equal([new FacetCount("crit-2", 5)], filtered.Facets[SearchFacets.Criteria]);

        var either = Search(null, r => r.Filters[SearchFacets.Type] = ["Article", "ExemplaryProduct"]);
        Assert.Equal(2, either.Total);
        Assert.Equal(["ep"], Ids(Search("trẻ", r => r.ExemplaryOnly = true)));

        var lastPage = Search("trẻ", r => { r.PageSize = 5; r.Page = 7; });
        Assert.Equal(2, lastPage.Hits.Count);
        Assert.Equal(32, lastPage.Total);
        Assert.Empty(Search("trẻ", r => { r.PageSize = 5; r.Page = 99; }).Hits);
    }

    [Fact]
    public void Sorting_by_date_and_title()
    {
        Add("b", "Bé vui", day: 3);
        Add("a", "Đàm Hà", day: 1);
        Add("c", "Cây xanh", day: 2);
        _index.Commit();

        Assert.Equal(["b", "c", "a"], Ids(Search(null, r => r.Sort = SearchSort.Newest)));
        Assert.Equal(["a", "c", "b"], Ids(Search(null, r => r.Sort = SearchSort.Oldest)));
        Assert.Equal(["b", "c", "a"], Ids(Search(null, r => r.Sort = SearchSort.Title)));
    }

    [Fact]
    public void Snippets_are_encoded_with_marks_around_the_words_found()
    {
        Add("a", "Kế hoạch", body: "Trẻ <script>alert(1)</script> tự phục vụ trong giờ ăn & chia sẻ.");
        Add("b", "Kế hoạch khác", attachments: "Văn bản đính kèm nói về bảo tàng cổ tích");
        _index.Commit();

        var hit = Search("gio an").Hits.Single();
        Assert.Contains("<mark>giờ</mark>", hit.SnippetHtml);
        Assert.Contains("<mark>ăn</mark>", hit.SnippetHtml);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml);
        Assert.DoesNotContain("<script>", hit.SnippetHtml);
        Assert.Contains("&amp;", hit.SnippetHtml);

        var fromAttachment = Search("bảo tàng").Hits.Single();
        Assert.Equal("b", fromAttachment.ContentItemId);
        Assert.Contains("<mark>bảo</mark> <mark>tàng</mark>", fromAttachment.SnippetHtml);
    }

    [Fact]
    public void Did_you_mean_offers_the_nearest_indexed_words_when_nothing_is_found()
    {
        Add("a", "Trường Mầm non Bến Thành", termNames: ["Phát triển thể chất"]);
        _index.Commit();

        var results = Search("ben thamh");
        // Words found stay as typed; a corrected word is shown with its tone marks.
        Assert.Equal("ben thành", results.DidYouMean);
        Assert.Null(Search("ben thanh").DidYouMean);
        Assert.Equal("phát triển thể chất", Search("phát triển thể chta").DidYouMean);
        // A word with other tone marks still finds its folded form: results, so nothing to correct.
        var otherMarks = Search("thể chát");
        Assert.Equal(1, otherMarks.Total);
        Assert.Null(otherMarks.DidYouMean);
    }

    [Fact]
    public void Suggestions_complete_titles_from_folded_prefixes()
    {
        Add("a", "Mầm non lấy trẻ làm trung tâm", day: 2);
        Add("b", "Mâm cơm gia đình", day: 1);
        Add("c", "Hội thi bé khỏe");
        _index.Commit();

        Assert.Equal(["Mầm non lấy trẻ làm trung tâm", "Mâm cơm gia đình"], _index.Suggest("mam"));
        Assert.Equal(["Mầm non lấy trẻ làm trung tâm"], _index.Suggest("mam no"));
        Assert.Empty(_index.Suggest("xyz"));
        Assert.Empty(_index.Suggest("  "));
    }

    [Fact]
    public void An_empty_scope_finds_nothing_and_a_scope_limits_to_its_organisations()
    {
        Add("a", "Trẻ A", organization: "truong-a");
        Add("b", "Trẻ B", organization: "truong-b");
        _index.Commit();

        Assert.Equal(0, Search("trẻ", r => r.Scope = []).Total);
        Assert.Equal(["b"], Ids(Search("trẻ", r => r.Scope = ["truong-b"])));
    }

    [Fact]
    public void Updating_replaces_and_deleting_removes()
    {
        Add("a", "Tên cũ");
        _index.Commit();
        Add("a", "Tên mới");
        _index.Refresh();

        Assert.Equal(0, Search("cũ").Total);
        Assert.Equal(["a"], Ids(Search("mới")));
        Assert.Equal(1, _index.DocumentCount);
        _index.Delete("a");
        _index.Commit();
        Assert.Equal(0, Search("mới").Total);
    }

    [Fact]
    public void The_cursor_is_kept_with_the_commit_and_uncommitted_writes_are_lost_in_a_crash()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("chuyende-search-").FullName;
        try
        {
            var index = SearchIndex.Open(folder);
            Assert.Null(index.Cursor);
            index.AddOrUpdate(new SearchDocument { ContentItemId = "a", ContentType = "Initiative", Title = "Đã lưu" });
            index.Commit(7);
            index.AddOrUpdate(new SearchDocument { ContentItemId = "b", ContentType = "Initiative", Title = "Chưa lưu" });
            index.Refresh();
            Assert.Equal(2, index.DocumentCount);
            index.Abandon();

            using var reopened = SearchIndex.Open(folder);
            Assert.Equal(7, reopened.Cursor);
            Assert.Equal(1, reopened.DocumentCount);
            Assert.Equal(1, reopened.Search(new SearchRequest { Query = "da luu" }).Total);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Edit_distance_counts_a_transposition_once()
    {
        Assert.Equal(1, DidYouMean.EditDistance("thanh", "thnah", 2));
        Assert.Equal(1, DidYouMean.EditDistance("thanh", "thamh", 2));
        Assert.Equal(3, DidYouMean.EditDistance("abc", "xyzabc", 2));
    }
}
