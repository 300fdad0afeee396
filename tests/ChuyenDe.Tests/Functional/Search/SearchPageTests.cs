using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Search;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Search;

/// <summary>
/// The public search page <c>/tim-kiem</c>, the library <c>/kho-hoc-lieu</c> built on the same search, and the
/// suggestions endpoint, as a visitor sees them; booted from the real setup and sample recipes.
/// </summary>
public abstract partial class SearchPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly HtmlParser Parser = new();

    internal static async Task CatchUpAsync(SiteFixture site)
        => await site.WithServicesAsync(sp => sp.GetRequiredService<ISearchIndexMaintenance>().CatchUpAsync());

    private async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetAsync(string url)
    {
        await CatchUpAsync(fixture);
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, await Parser.ParseDocumentAsync(html));
    }

    private static string Search(string query, string extra = "") => "/tim-kiem?q=" + Uri.EscapeDataString(query) + extra;

    private static List<string> Titles(IHtmlDocument page, string selector = ".hit-title")
        => page.QuerySelectorAll(selector).Select(t => t.TextContent.Trim()).ToList();

    private static int Total(IHtmlDocument page)
    {
        var text = page.QuerySelector(".results-count")?.TextContent ?? throw new Xunit.Sdk.XunitException(
            "No result count on the page: " + (page.QuerySelector(".search-messages")?.TextContent.Trim() ?? "no message either"));
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Lower case without tone marks, đ → d: how a visitor without a Vietnamese keyboard types.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).Normalize(NormalizationForm.FormC);
    }

    private static void AssertNotAFailure(IHtmlDocument page, string? asked = null)
        => Assert.False(page.Body!.TextContent.Contains("tạm thời chưa dùng được", StringComparison.Ordinal),
            $"The search failed for “{asked?[..Math.Min(asked.Length, 40)]}”.");

    [SkippableFact]
    public async Task Mam_non_lay_tre_lam_trung_tam_finds_the_topic_items_with_highlighted_snippets()
    {
        fixture.SkipUnlessAvailable();
        var (status, page) = await GetAsync(Search("mam non lay tre lam trung tam"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Tìm thấy", page.QuerySelector(".results-count")!.TextContent.Trim());
        Assert.EndsWith("kết quả", page.QuerySelector(".results-count")!.TextContent.Trim());
        var titles = Titles(page);
        Assert.Contains("Quận 1 sơ kết hai năm xây dựng trường mầm non lấy trẻ làm trung tâm", titles.Take(3));
        Assert.Contains("Trường Mầm non Võ Thị Sáu – môi trường học tập lấy trẻ làm trung tâm", titles);
        var marks = page.QuerySelectorAll(".hit-snippet mark").Select(m => Fold(m.TextContent)).ToList();
        Assert.NotEmpty(marks);
        var words = new[] { "mam", "non", "lay", "tre", "lam", "trung", "tam" };
        Assert.All(marks, m => Assert.All(m.Split(' ', StringSplitOptions.RemoveEmptyEntries), w => Assert.Contains(w, words)));
        Assert.Equal("mam non lay tre lam trung tam", page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Dam_Ha_without_tone_marks_finds_every_item_named_Dam_Ha_and_offers_the_district()
    {
        fixture.SkipUnlessAvailable();
        var (status, page) = await GetAsync(Search("Dam Ha"));

        Assert.Equal(HttpStatusCode.OK, status);
        var titles = Titles(page);
        foreach (var expected in new[]
        {
            "Trường Mầm non Đàm Hà – phối hợp với cha mẹ trẻ và cộng đồng",
            "Đàm Hà tiếp tục nhân rộng mô hình điểm, chuẩn bị tổng kết chuyên đề",
            "Đàm Hà tổng kết chuyên đề giai đoạn 2021–2025",
            "Tham quan học tập mô hình điểm tại huyện Đàm Hà",
            "Hội nghị tổng kết chuyên đề giai đoạn 2021–2025 huyện Đàm Hà",
        })
        {
            Assert.Contains(expected, titles);
        }

        Assert.Contains(page.QuerySelectorAll(".hit-snippet mark"), m => Fold(m.TextContent).Split(' ').Any(w => w is "dam" or "ha"));
        var district = page.QuerySelector("#f-district-phong-dam-ha");
        Assert.NotNull(district);
        Assert.Contains("huyện Đàm Hà", page.QuerySelector("label[for=f-district-phong-dam-ha]")!.TextContent);
    }

    [SkippableFact]
    public async Task Facets_show_counts_that_match_the_results_and_combine_keeping_the_other_filters()
    {
        fixture.SkipUnlessAvailable();
        var expected = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], TermGroups = [["crit-3"]], PageSize = 50 }));
        Assert.True(expected.Total > 0);

        var (_, initiatives) = await GetAsync("/tim-kiem?type=Initiative");
        Assert.True(initiatives.QuerySelector("#f-type-Initiative")!.HasAttribute("checked"));
        var shown = initiatives.QuerySelector("label[for=f-term-crit-3] .count")!.TextContent.Trim();
        Assert.Equal($"({expected.Total})", shown);
        Assert.Equal("Nội dung chuyên đề", initiatives.QuerySelector("#f-term-crit-3")!.Closest("fieldset")!.QuerySelector("legend")!.TextContent.Trim());

        // Values of one facet combine with OR: with “Sáng kiến” chosen, the other kinds still offer what they would add.
        var byType = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().CountPublishedByTypeAsync());
        Assert.Equal($"({byType["Article"]})", initiatives.QuerySelector("label[for=f-type-Article] .count")!.TextContent.Trim());
        var (_, both) = await GetAsync("/tim-kiem?type=Initiative&type=Article");
        Assert.Equal(byType["Initiative"] + byType["Article"], Total(both));

        var (status, combined) = await GetAsync("/tim-kiem?type=Initiative&term=crit-3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Total, Total(combined));
        Assert.Equal(Math.Min(expected.Total, 12), Titles(combined).Count);
        Assert.Subset(expected.Items.Select(i => i.DisplayText).ToHashSet(), Titles(combined).ToHashSet());
        Assert.True(combined.QuerySelector("#f-type-Initiative")!.HasAttribute("checked"));
        Assert.True(combined.QuerySelector("#f-term-crit-3")!.HasAttribute("checked"));
        // Removing one filter keeps the other.
        var chips = combined.QuerySelectorAll(".active-filters a").Select(a => (Text: a.TextContent, Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(chips, c => c.Href == "/tim-kiem?type=Initiative" && c.Text.Contains("Tổ chức các hoạt động", StringComparison.Ordinal));
        Assert.Contains(chips, c => c.Href == "/tim-kiem?term=crit-3" && c.Text.Contains("Sáng kiến", StringComparison.Ordinal));
        // Every checkbox belongs to the GET form, so the choices work without JavaScript.
        Assert.All(combined.QuerySelectorAll(".facets input[type=checkbox]"), c => Assert.Equal("tim-kiem-form", c.GetAttribute("form")));
        Assert.Equal("get", combined.QuerySelector("form#tim-kiem-form")!.GetAttribute("method"));

        // A facet of another kind narrows further: exemplary products only.
        var (_, exemplary) = await GetAsync("/tim-kiem?exemplary=true");
        Assert.True(Total(exemplary) >= 7);
        Assert.Contains("Giờ ăn trẻ tự phục vụ – Trường Mầm non Bến Thành", Titles(exemplary));
        Assert.DoesNotContain("Góc phụ huynh: mười phút chơi cùng con mỗi tối", Titles(exemplary));
    }

    [SkippableFact]
    public async Task Results_are_paged_with_totals_numbered_pages_and_every_sort()
    {
        fixture.SkipUnlessAvailable();
        var (_, first) = await GetAsync(Search("trẻ"));
        var total = Total(first);
        Assert.True(total > 12, $"Expected more than one page of results for “trẻ”, got {total}.");
        var pages = (total + 11) / 12;
        Assert.Equal("1", first.QuerySelector(".pager [aria-current=page]")!.TextContent.Trim());
        Assert.Equal($"Trang 1/{pages}", first.QuerySelector(".pager-status")!.TextContent.Trim());
        Assert.Equal(12, Titles(first).Count);
        Assert.Contains(first.QuerySelectorAll(".pager a"), a => a.GetAttribute("href") == Search("trẻ", "&page=2"));

        var (_, second) = await GetAsync(Search("trẻ", "&page=2"));
        Assert.Equal(total, Total(second));
        Assert.Equal("2", second.QuerySelector(".pager [aria-current=page]")!.TextContent.Trim());
        Assert.Empty(Titles(first).Intersect(Titles(second)));

        foreach (var (sort, label) in new[] { ("moi-nhat", "Mới nhất"), ("cu-nhat", "Cũ nhất"), ("ten", "Tên A–Z"), ("", "Liên quan nhất") })
        {
            var (status, sorted) = await GetAsync(Search("trẻ", sort.Length > 0 ? "&sort=" + sort : ""));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(total, Total(sorted));
            Assert.Equal(label, sorted.QuerySelector("#sort option[selected]")!.TextContent.Trim());
        }

        var (_, byTitle) = await GetAsync(Search("trẻ", "&sort=ten"));
        var initials = Titles(byTitle).Select(t => Fold(t)[0]).ToList();
        Assert.Equal(initials.Order(), initials);
    }

    [SkippableFact]
    public async Task Hostile_queries_and_parameters_get_results_or_a_clear_message_never_an_error()
    {
        fixture.SkipUnlessAvailable();
        var hostile = new[]
        {
            "\"", "*", "AND (", "(", ")", "OR", "NOT", "\\", "title:x", "a~", "?", "[1 TO 2]", "{", "/regex/", "&&", "||", "!",
            "^2", "mầm non\"", "*mầm*", "<script>alert(1)</script>", "'; DROP TABLE x; --", "\u0000\u0001", "m\u0300",
            new string('a', 10_000), string.Concat(Enumerable.Repeat("mầm non ", 1_300)),
        };
        foreach (var query in hostile)
        {
            var (status, page) = await GetAsync(Search(query));
            Assert.True(status == HttpStatusCode.OK, $"{(int)status} for “{query[..Math.Min(query.Length, 30)]}”");
            AssertNotAFailure(page, query);
            Assert.NotNull(page.QuerySelector(".results-count, .search-empty-state"));
            Assert.Empty(page.QuerySelectorAll(".hit script"));
        }

        var (_, words) = await GetAsync(Search("mầm non AND ("));
        Assert.True(Total(words) > 0, "The words of a query Lucene cannot parse are still searched.");

        var (_, longQuery) = await GetAsync(Search(new string('a', 10_000)));
        Assert.Contains("Từ khoá quá dài: chỉ 200 ký tự đầu tiên được dùng để tìm.", longQuery.QuerySelector(".search-messages")!.TextContent);
        Assert.Equal(200, longQuery.QuerySelector("input#q")!.GetAttribute("value")!.Length);

        foreach (var parameters in new[] { "&page=-1", "&page=abc", "&page=99999999999", "&sort=garbage", "&sort=", "&exemplary=maybe" })
        {
            var (status, page) = await GetAsync(Search("trẻ", parameters));
            Assert.Equal(HttpStatusCode.OK, status);
            AssertNotAFailure(page, parameters);
            Assert.True(Total(page) > 0);
        }

        var (_, farPage) = await GetAsync(Search("trẻ", "&page=99999"));
        Assert.Contains("Chưa có nội dung phù hợp ở trang 99999: đang hiển thị trang cuối cùng", farPage.QuerySelector(".search-messages")!.TextContent);
        Assert.NotEmpty(Titles(farPage));

        var (unknownStatus, unknown) = await GetAsync(Search("trẻ", "&term=khong-ton-tai&type=Nope&org=nowhere&district=%3Cb%3E"));
        Assert.Equal(HttpStatusCode.OK, unknownStatus);
        Assert.Contains("không hợp lệ nên đã được bỏ qua", unknown.QuerySelector(".search-messages")!.TextContent);
        Assert.True(Total(unknown) > 0);
        var chosen = unknown.QuerySelectorAll(".active-filters a").Select(a => a.TextContent.Trim()).ToList();
        Assert.True(chosen.Count == 0, "Unknown values were kept as filters: " + string.Join(", ", chosen));

        using var client = fixture.CreateClient();
        foreach (var query in new[] { "\"", "*", "AND (", new string('đ', 10_000), "" })
        {
            using var response = await client.GetAsync("/tim-kiem/goi-y?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.IsType<JsonArray>(json["suggestions"]);
        }
    }

    [SkippableFact]
    public async Task The_empty_query_shows_a_prompt_and_a_failed_search_suggests_another_spelling()
    {
        fixture.SkipUnlessAvailable();
        var (status, empty) = await GetAsync("/tim-kiem");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bạn muốn tìm gì?", empty.QuerySelector(".search-empty-state h2")!.TextContent.Trim());
        Assert.Empty(empty.QuerySelectorAll(".hit"));
        Assert.Equal("search", empty.QuerySelector("input#q")!.GetAttribute("type"));
        Assert.Equal("Từ khoá tìm kiếm", empty.QuerySelector("label[for=q]")!.TextContent.Trim());

        // “steamm” (one letter too many) finds nothing as typed; the index knows “STEAM”.
        var (_, typo) = await GetAsync(Search("steamm"));
        Assert.Equal(0, Total(typo));
        var suggestion = typo.QuerySelector(".did-you-mean a");
        Assert.NotNull(suggestion);
        var (_, followed) = await GetAsync(suggestion!.GetAttribute("href")!);
        Assert.True(Total(followed) > 0, $"The suggested “{suggestion.TextContent}” finds nothing.");
    }

    [SkippableFact]
    public async Task Suggestions_offer_titles_typed_without_tone_marks()
    {
        fixture.SkipUnlessAvailable();
        await CatchUpAsync(fixture);
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/tim-kiem/goi-y?q=doi%20moi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggestions = JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!["suggestions"]!.AsArray()
            .Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains("Đổi mới giờ ăn cho trẻ", suggestions);
        Assert.True(suggestions.Count <= 8);
    }

    [SkippableFact]
    public async Task A_draft_s_words_never_reach_the_public_page_nor_its_snippets()
    {
        fixture.SkipUnlessAvailable();
        // The sample draft of Bến Thành is the only text with “đậu xanh”.
        var (_, sampleDraft) = await GetAsync(Search("đậu xanh"));
        Assert.DoesNotContain("Góc thiên nhiên", sampleDraft.Body!.TextContent);
        Assert.DoesNotContain("đậu xanh", string.Concat(sampleDraft.QuerySelectorAll(".hit").Select(h => h.TextContent)), StringComparison.OrdinalIgnoreCase);

        // A published item whose newer draft holds a secret word: the public text is found, the draft's word is not.
        var secret = "bimatxyz" + Guid.NewGuid().ToString("N")[..6];
        var shared = "chungabc" + Guid.NewGuid().ToString("N")[..6];
        var title = await PublishedWithSecretDraftAsync(fixture, shared, secret);
        await CatchUpAsync(fixture);

        var (_, bySecret) = await GetAsync(Search(secret));
        Assert.Equal(0, Total(bySecret));
        Assert.DoesNotContain(secret, bySecret.QuerySelector(".search-results")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var (_, byShared) = await GetAsync(Search(shared));
        Assert.Equal(new[] { title }, Titles(byShared));
        var snippet = byShared.QuerySelector(".hit-snippet")!;
        Assert.Contains(shared, snippet.QuerySelector("mark")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, byShared.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        var (_, library) = await GetAsync("/kho-hoc-lieu?q=" + secret);
        Assert.DoesNotContain(secret, library.QuerySelector(".search-results")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Total(library));
    }

    /// <summary>An Article of Cửu Long published with <paramref name="shared"/>, then edited as a draft that adds <paramref name="secret"/>.</summary>
    internal static async Task<string> PublishedWithSecretDraftAsync(SiteFixture site, string shared, string secret)
    {
        var title = "Tin thử tìm kiếm " + shared;
        await site.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var actor = new ContentActor("test", "test");
            var article = await contents.NewAsync("Article");
            article.GetOrCreatePart("TitlePart")["Title"] = title;
            article.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-cuu-long";
            article.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"Bài viết về giờ chơi ngoài trời, từ khoá {shared} ở giữa câu.";
            article.GetOrCreateField("Article", "Category")["TaxonomyContentItemId"] = "tax-news-categories";
            article.GetOrCreateField("Article", "Category")["TermContentItemIds"] = new JsonArray("news-hoat-dong");
            var published = await contents.PublishAsync(article, actor);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
            var draft = (await contents.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"Bài viết về giờ chơi ngoài trời, từ khoá {shared} và điều chưa duyệt {secret} ở giữa câu.";
            Assert.True((await contents.SaveDraftAsync(draft, actor)).Succeeded);
            return 0;
        });
        return title;
    }

    [SkippableFact]
    public async Task The_library_searches_with_the_same_filters_and_keeps_its_addresses()
    {
        fixture.SkipUnlessAvailable();
        var (status, page) = await GetAsync("/kho-hoc-lieu?q=doi+moi+gio+an&type=Initiative");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Kho học liệu dùng chung", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Đổi mới giờ ăn cho trẻ", Titles(page, ".card-title"));
        Assert.All(page.QuerySelectorAll(".card-type"), t => Assert.Equal("Sáng kiến", t.TextContent.Trim()));
        Assert.NotEmpty(page.QuerySelectorAll(".card mark"));
        Assert.Equal("/kho-hoc-lieu", page.QuerySelector("form#tim-kiem-form")!.GetAttribute("action"));

        // The library lists only its types: no Page (“Hướng dẫn sử dụng kho học liệu”) even when its words are searched.
        var (_, guide) = await GetAsync("/kho-hoc-lieu?q=" + Uri.EscapeDataString("Hướng dẫn sử dụng kho học liệu"));
        Assert.DoesNotContain("Hướng dẫn sử dụng kho học liệu", Titles(guide, ".card-title"));
        var (_, search) = await GetAsync(Search("Hướng dẫn sử dụng kho học liệu"));
        Assert.Contains("Hướng dẫn sử dụng kho học liệu", Titles(search));

        // Item pages link every term to the library, news categories included.
        var news = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Article"], TermGroups = [["news-hoat-dong"]], PageSize = 50 }));
        var (_, category) = await GetAsync("/kho-hoc-lieu?term=news-hoat-dong");
        Assert.Equal(news.Total, Total(category));
        Assert.True(category.QuerySelector("#f-term-news-hoat-dong")!.HasAttribute("checked"));
        Assert.Null(category.QuerySelector(".search-messages"));

        // The header's box searches the whole site.
        Assert.Equal("/tim-kiem", page.QuerySelector(".header-search")!.GetAttribute("action"));
        Assert.Equal("/tim-kiem/goi-y", page.QuerySelector("#tim-nhanh")!.GetAttribute("data-suggest-url"));
    }
}

public sealed class SearchPageSqliteTests(SqliteSiteFixture fixture) : SearchPageTests<SqliteSiteFixture>(fixture);

public sealed class SearchPagePostgresTests(PostgresSiteFixture fixture) : SearchPageTests<PostgresSiteFixture>(fixture);
