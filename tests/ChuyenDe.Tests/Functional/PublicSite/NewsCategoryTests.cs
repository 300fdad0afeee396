using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The news category pages (<c>/tin-tuc/{category}</c>) as a parent finds them: from the main menu ("Góc phụ huynh")
/// and the news page, with only their articles, paging, a canonical address, breadcrumbs, their own feeds, in the
/// sitemap, and up to date on the next anonymous request after a publication or a renamed category.
/// </summary>
public abstract class NewsCategoryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string ParentsCorner = "/tin-tuc/goc-phu-huynh";

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PageAsync(string url)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(url);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static IReadOnlyList<string> CardTitles(IHtmlDocument page)
        => page.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()).ToList();

    private static string? Canonical(IHtmlDocument page) => page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    private Task<ContentPage> ArticlesOfAsync(string termId, int pageSize = 12, int page = 1)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Article"], TermGroups = [[termId]], PageSize = pageSize, Page = page }));

    private Task<ContentItem> PublishArticleAsync(string title, string termId)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var article = await contents.NewAsync("Article");
            article.GetOrCreatePart("TitlePart")["Title"] = title;
            article.GetOrCreateField("Article", "Category")["TaxonomyContentItemId"] = "tax-news-categories";
            article.GetOrCreateField("Article", "Category")["TermContentItemIds"] = new JsonArray(termId);
            var result = await contents.PublishAsync(article, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return result.Item!;
        });

    private static SyndicationFeed Feed(byte[] body)
    {
        using var reader = XmlReader.Create(new MemoryStream(body));
        return SyndicationFeed.Load(reader);
    }

    [SkippableFact]
    public async Task A_category_page_lists_only_its_published_articles_newest_first_with_breadcrumbs_canonical_and_feeds()
    {
        fixture.SkipUnlessAvailable();
        var expected = await ArticlesOfAsync("news-phu-huynh");
        Assert.True(expected.Total >= 2, "the sample content has articles for parents");

        var (response, page) = await PageAsync(ParentsCorner);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Góc phụ huynh", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(expected.Items.Select(i => i.DisplayText), CardTitles(page));
        Assert.DoesNotContain(CardTitles(page), t => t.Contains("sơ kết", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("http://localhost" + ParentsCorner, Canonical(page));
        Assert.Equal(["Trang chủ", "Tin tức", "Góc phụ huynh"],
            page.QuerySelectorAll(".breadcrumbs li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/tin-tuc", page.QuerySelectorAll(".breadcrumbs a")[1].GetAttribute("href"));
        Assert.Equal(ParentsCorner + "/feed", page.QuerySelector($"link[rel=alternate][type='application/rss+xml'][href='{ParentsCorner}/feed']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"link[rel=alternate][type='application/atom+xml'][href='{ParentsCorner}/feed/atom']"));
    }

    [SkippableFact]
    public async Task The_category_feeds_parse_as_RSS_and_Atom_with_the_categorys_articles_and_absolute_links()
    {
        fixture.SkipUnlessAvailable();
        var expected = (await ArticlesOfAsync("news-phu-huynh", 30)).Items.Select(i => i.DisplayText).ToList();
        using var client = fixture.CreateClient();
        foreach (var (url, root) in new[] { (ParentsCorner + "/feed", "rss"), (ParentsCorner + "/feed/atom", "feed") })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(root, XDocument.Load(new MemoryStream(body)).Root!.Name.LocalName);
            var feed = Feed(body);
            Assert.StartsWith("Góc phụ huynh", feed.Title.Text, StringComparison.Ordinal);
            Assert.Equal(expected, feed.Items.Select(i => i.Title.Text));
            Assert.Contains(feed.Links, l => l.Uri.AbsoluteUri == "http://localhost" + ParentsCorner);
            Assert.All(feed.Items, item =>
            {
                var link = item.Links.First(l => l.RelationshipType is null or "alternate").Uri;
                Assert.True(link.IsAbsoluteUri && link.AbsoluteUri.StartsWith("http://localhost/tin-tuc/", StringComparison.Ordinal), link.ToString());
                Assert.NotEqual(default, item.PublishDate);
            });
        }
    }

    [SkippableFact]
    public async Task An_unknown_category_answers_the_sites_404_and_articles_keep_their_addresses()
    {
        fixture.SkipUnlessAvailable();
        var (missing, page) = await PageAsync("/tin-tuc/khong-co-chuyen-muc-nay");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync("/tin-tuc/khong-co-chuyen-muc-nay/feed")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync("/tin-tuc/khong-co-chuyen-muc-nay/feed/atom")).Response.StatusCode);

        // An article's page below /tin-tuc is still the article's.
        var article = (await ArticlesOfAsync("news-phu-huynh")).Items[0];
        var (found, articlePage) = await PageAsync("/" + article.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(article.DisplayText, articlePage.QuerySelector("h1")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task A_category_pages_through_its_articles_with_canonical_addresses_per_page()
    {
        fixture.SkipUnlessAvailable();
        var before = (await ArticlesOfAsync("news-tap-huan")).Total;
        for (var i = before; i < 13; i++)
        {
            await PublishArticleAsync(FreshTitle("Tập huấn trang"), "news-tap-huan");
        }

        var expectedSecond = await ArticlesOfAsync("news-tap-huan", 12, 2);
        var (first, firstPage) = await PageAsync("/tin-tuc/tap-huan-boi-duong");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(12, CardTitles(firstPage).Count);
        Assert.Equal("/tin-tuc/tap-huan-boi-duong?page=2", firstPage.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var (second, secondPage) = await PageAsync("/tin-tuc/tap-huan-boi-duong?page=2&utm_source=zalo");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(expectedSecond.Items.Select(i => i.DisplayText), CardTitles(secondPage));
        Assert.Equal("http://localhost/tin-tuc/tap-huan-boi-duong?page=2", Canonical(secondPage));
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync($"/tin-tuc/tap-huan-boi-duong?page={expectedSecond.PageCount + 1}")).Response.StatusCode);
    }

    [SkippableFact]
    public async Task Publishing_and_unpublishing_an_article_show_on_the_next_anonymous_request_of_its_category_page_and_feed()
    {
        fixture.SkipUnlessAvailable();
        foreach (var url in new[] { ParentsCorner, ParentsCorner + "/feed" })
        {
            using var client = fixture.CreateClient();
            (await client.GetAsync(url)).Dispose();
            using var again = await client.GetAsync(url);
            Assert.True(again.Headers.Age is not null, url + " was not cached");
        }

        var title = FreshTitle("Cha mẹ cùng con đọc sách");
        var article = await PublishArticleAsync(title, "news-phu-huynh");
        var (page, document) = await PageAsync(ParentsCorner);
        Assert.Null(page.Headers.Age);
        Assert.Equal(title, CardTitles(document)[0]);
        using (var client = fixture.CreateClient())
        {
            Assert.Contains(title, await client.GetStringAsync(ParentsCorner + "/feed"));
        }

        // Another category's page does not show it.
        Assert.DoesNotContain(title, CardTitles((await PageAsync("/tin-tuc/guong-dien-hinh")).Page));

        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(article.ContentItemId, ContentActor.System)));
        Assert.DoesNotContain(title, CardTitles((await PageAsync(ParentsCorner)).Page));
    }

    [SkippableFact]
    public async Task Renaming_a_category_shows_on_its_page_at_the_same_address()
    {
        fixture.SkipUnlessAvailable();
        const string url = "/tin-tuc/guong-dien-hinh";
        await PageAsync(url);
        Assert.NotNull((await PageAsync(url)).Response.Headers.Age);

        var newName = "Gương sáng " + Guid.NewGuid().ToString("N")[..6];
        await RenameTermAsync("news-guong-dien-hinh", newName);
        try
        {
            var (response, page) = await PageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(newName, page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains(page.QuerySelectorAll(".sections a"), a => a.TextContent.Trim() == newName && a.GetAttribute("href") == url);
        }
        finally
        {
            await RenameTermAsync("news-guong-dien-hinh", "Gương điển hình");
        }
    }

    private Task RenameTermAsync(string termId, string title)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var taxonomy = (await contents.GetAsync("tax-news-categories", VersionOptions.Latest))!;
            var term = taxonomy.Part("TaxonomyPart")!["Terms"]!.AsArray().OfType<JsonObject>().Single(t => t["ContentItemId"]!.GetValue<string>() == termId);
            term["TitlePart"]!["Title"] = title;
            term["DisplayText"] = title;
            var result = await contents.PublishAsync(taxonomy, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return result;
        });

    [SkippableFact]
    public async Task The_main_menu_links_the_parents_corner_and_the_news_page_links_every_category()
    {
        fixture.SkipUnlessAvailable();
        var (_, home) = await PageAsync("/");
        var menuLink = home.QuerySelectorAll(".site-nav a").SingleOrDefault(a => a.GetAttribute("href") == ParentsCorner);
        Assert.NotNull(menuLink);
        Assert.Equal("Góc phụ huynh", menuLink.TextContent.Trim());

        var (_, corner) = await PageAsync(ParentsCorner);
        Assert.Equal("page", corner.QuerySelectorAll(".site-nav a").Single(a => a.GetAttribute("href") == ParentsCorner).GetAttribute("aria-current"));
        Assert.Equal("false", corner.QuerySelectorAll(".site-nav a").Single(a => a.GetAttribute("href") == "/tin-tuc").GetAttribute("aria-current"));

        var (_, news) = await PageAsync("/tin-tuc");
        Assert.Equal(
            ["/tin-tuc/hoat-dong-chuyen-de", "/tin-tuc/so-ket-tong-ket", "/tin-tuc/tap-huan-boi-duong", "/tin-tuc/guong-dien-hinh", ParentsCorner],
            news.QuerySelectorAll(".sections a").Select(a => a.GetAttribute("href")));
        foreach (var href in news.QuerySelectorAll(".sections a").Select(a => a.GetAttribute("href")!))
        {
            Assert.Equal(HttpStatusCode.OK, (await PageAsync(href)).Response.StatusCode);
        }
    }

    [SkippableFact]
    public async Task The_sitemap_lists_the_category_pages_and_items_cannot_take_their_addresses()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value).ToList();
        Assert.Contains("http://localhost" + ParentsCorner, locations);
        Assert.Contains("http://localhost/tin-tuc/so-ket-tong-ket", locations);

        var reserved = fixture.Factory.Services.GetRequiredService<IReservedPaths>();
        Assert.True(await reserved.IsReservedAsync("tin-tuc/goc-phu-huynh"));
        Assert.True(await reserved.IsReservedAsync("tin-tuc/goc-phu-huynh/feed"));
        Assert.False(await reserved.IsReservedAsync("tin-tuc/goc-phu-huynh-cua-truong"));

        // An article named like the category gets another address; the category page stays the category's.
        var article = await PublishArticleAsync("Góc phụ huynh", "news-hoat-dong");
        var path = article.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.NotEqual("tin-tuc/goc-phu-huynh", path);
        Assert.StartsWith("tin-tuc/goc-phu-huynh", path, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PageAsync("/" + path)).Response.StatusCode);
        var (_, corner) = await PageAsync(ParentsCorner);
        Assert.Equal("Góc phụ huynh", corner.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Góc phụ huynh", CardTitles(corner));
    }
}

public sealed class NewsCategorySqliteTests(SqliteSiteFixture fixture) : NewsCategoryTests<SqliteSiteFixture>(fixture);

public sealed class NewsCategoryPostgresTests(PostgresSiteFixture fixture) : NewsCategoryTests<PostgresSiteFixture>(fixture);
