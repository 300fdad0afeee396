using System.Net;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional;

/// <summary>The public site as a visitor sees it, booted from the real setup and sample recipes.</summary>
public abstract class PublicSiteTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly HtmlParser Parser = new();

    private async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Document)> GetAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, await Parser.ParseDocumentAsync(html));
    }

    private Task<ContentPage> QueryAsync(ContentQuery query)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().QueryAsync(query));

    [SkippableFact]
    public async Task Home_page_is_in_Vietnamese_and_shows_the_latest_news()
    {
        fixture.SkipUnlessAvailable();
        var (status, document) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Kho học liệu dùng chung", document.Body!.TextContent);
        var latestNews = (await QueryAsync(new ContentQuery { ContentTypes = ["Article"], PageSize = 1 })).Items.Single();
        Assert.Contains(latestNews.DisplayText, document.Body.TextContent);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/san-pham-dien-hinh");
    }

    [SkippableFact]
    public async Task Sample_content_covers_every_type_with_forty_items_or_more()
    {
        fixture.SkipUnlessAvailable();
        var counts = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().CountPublishedByTypeAsync());

        foreach (var type in new[] { "Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event", "Page" })
        {
            Assert.True(counts.GetValueOrDefault(type) > 0, $"No published {type} in the sample content.");
        }

        Assert.True(counts.Where(c => c.Key is not ("Taxonomy" or "Term")).Sum(c => c.Value) >= 40);
    }

    [SkippableFact]
    public async Task A_published_initiative_is_served_at_its_route_with_its_fields()
    {
        fixture.SkipUnlessAvailable();
        var item = (await QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], TitleContains = "Đổi mới giờ ăn" })).Items.First();
        var path = item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.StartsWith("sang-kien/", path);

        var (status, document) = await GetAsync("/" + path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(item.DisplayText, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector(".item-body p"));
        var labels = document.QuerySelectorAll(".item-fields dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Contains("Năm học", labels);
        Assert.Contains(document.QuerySelectorAll(".item-fields a"), a => a.GetAttribute("href")!.StartsWith("/kho-hoc-lieu?term=", StringComparison.Ordinal));
        Assert.All(document.QuerySelectorAll(".gallery img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
    }

    [SkippableFact]
    public async Task Drafts_are_never_shown_to_the_public()
    {
        fixture.SkipUnlessAvailable();
        var drafts = (await QueryAsync(new ContentQuery { LatestInsteadOfPublished = true, TitleContains = "Bản nháp", PageSize = 50 })).Items;
        Assert.NotEmpty(drafts);
        Assert.All(drafts, d => Assert.False(d.Published));

        foreach (var draft in drafts)
        {
            var path = draft.Part("AutoroutePart")?["Path"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(path))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/" + path)).Status);
            }
        }

        foreach (var page in new[] { "/", "/kho-hoc-lieu", "/tin-tuc", "/sang-kien", "/kho-hoc-lieu?q=B%E1%BA%A3n+nh%C3%A1p" })
        {
            var (status, document) = await GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("Bản nháp", document.Body!.TextContent);
        }
    }

    [SkippableFact]
    public async Task Editing_a_published_item_keeps_the_published_text_until_the_draft_is_published()
    {
        fixture.SkipUnlessAvailable();
        var actor = new ContentActor("test", "test");
        var (path, originalTitle) = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var article = await contents.NewAsync("Article");
            article.GetOrCreatePart("TitlePart")["Title"] = "Hội thảo chia sẻ kinh nghiệm tổ chức góc chơi";
            article.GetOrCreateField("Article", "Category")["TermContentItemIds"] = new System.Text.Json.Nodes.JsonArray("news-hoat-dong");
            article.GetOrCreateField("Article", "Category")["TaxonomyContentItemId"] = "tax-news-categories";
            var published = await contents.PublishAsync(article, actor);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
            var draft = (await contents.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("TitlePart")["Title"] = "Tiêu đề bản sửa chưa duyệt";
            Assert.True((await contents.SaveDraftAsync(draft, actor)).Succeeded);
            return (published.Item!.Part("AutoroutePart")!["Path"]!.GetValue<string>(), published.Item.DisplayText);
        });

        var (status, document) = await GetAsync("/" + path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(originalTitle, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Tiêu đề bản sửa chưa duyệt", document.Body!.TextContent);
    }

    [SkippableFact]
    public async Task Library_filters_by_type_and_term_with_counts()
    {
        fixture.SkipUnlessAvailable();
        var expected = await QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], TermGroups = [["crit-3"]] });
        Assert.True(expected.Total > 0);

        var (status, document) = await GetAsync("/kho-hoc-lieu?type=Initiative&term=crit-3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{expected.Total} nội dung", document.QuerySelector(".results-count")!.TextContent.Trim());
        var titles = document.QuerySelectorAll(".card-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(expected.Items.Select(i => i.DisplayText).Take(titles.Count), titles);
        Assert.True(document.QuerySelector("#f-term-crit-3")!.HasAttribute("checked"));
    }

    [SkippableFact]
    public async Task Library_title_filter_ignores_case_and_tone_marks()
    {
        fixture.SkipUnlessAvailable();
        foreach (var typed in new[] { "Đổi mới giờ ăn", "doi moi gio an", "ĐỔI MỚI" })
        {
            var (status, document) = await GetAsync("/kho-hoc-lieu?q=" + Uri.EscapeDataString(typed));

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(document.QuerySelectorAll(".card-title"), t => t.TextContent.Trim() == "Đổi mới giờ ăn cho trẻ");
            Assert.Equal(typed, document.QuerySelector("input#q")!.GetAttribute("value"));
        }
    }

    [SkippableFact]
    public async Task Unknown_addresses_get_a_Vietnamese_404_page()
    {
        fixture.SkipUnlessAvailable();
        var (status, document) = await GetAsync("/sang-kien/khong-ton-tai");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy trang", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
    }

    [SkippableFact]
    public async Task Sample_images_are_served_as_images_without_sniffing()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var (_, home) = await GetAsync("/mo-hinh-diem");
        var src = home.QuerySelector(".card-image")!.GetAttribute("src")!;

        using var response = await client.GetAsync(src);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, bytes[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/..%2F..%2Fchuyende.db")).StatusCode);
    }
}

public sealed class PublicSiteSqliteTests(SqliteSiteFixture fixture) : PublicSiteTests<SqliteSiteFixture>(fixture);

public sealed class PublicSitePostgresTests(PostgresSiteFixture fixture) : PublicSiteTests<PostgresSiteFixture>(fixture);
