using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// Feeds, the sitemap and robots.txt as a feed reader and a search engine read them: parsed with the standard parsers
/// (System.ServiceModel.Syndication, XDocument), compared with what the site publishes.
/// </summary>
public abstract class FeedAndSitemapTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static SyndicationFeed Load(byte[] body)
    {
        using var reader = XmlReader.Create(new MemoryStream(body));
        return SyndicationFeed.Load(reader);
    }

    private Task<ContentPage> QueryAsync(ContentQuery query)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().QueryAsync(query));

    [SkippableFact]
    public async Task The_site_feed_is_valid_RSS_with_the_newest_items_absolute_links_dates_and_summaries()
    {
        fixture.SkipUnlessAvailable();
        var (response, body) = await GetAsync("/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rss", XDocument.Load(new MemoryStream(body)).Root!.Name.LocalName);
        var feed = Load(body);
        var newest = await QueryAsync(new ContentQuery { ContentTypes = ["Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event"], PageSize = 30 });
        Assert.Equal(newest.Items.Select(i => i.DisplayText), feed.Items.Select(i => i.Title.Text));
        Assert.Equal("http://localhost/", feed.Links.First(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri);
        Assert.All(feed.Items, item =>
        {
            var link = Assert.Single(item.Links, l => l.RelationshipType is null or "alternate").Uri;
            Assert.True(link.IsAbsoluteUri && link.Host == "localhost", link.ToString());
            Assert.NotEqual(default, item.PublishDate);
            Assert.NotEmpty(item.Categories);
        });
        Assert.Contains(feed.Items, item => !string.IsNullOrWhiteSpace(item.Summary?.Text));
        Assert.Contains(feed.Items, item => item.Links.Any(l => l.RelationshipType == "enclosure" && l.MediaType == "image/jpeg"
                                                              && l.Uri.AbsoluteUri.StartsWith("http://localhost/media/_anh/", StringComparison.Ordinal)));

        // Each item's link opens its public page.
        using var client = fixture.CreateClient();
        var first = feed.Items.First().Links.First(l => l.RelationshipType is null or "alternate").Uri;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(first.PathAndQuery)).StatusCode);
    }

    [SkippableFact]
    public async Task The_atom_feed_carries_the_same_entries_with_ids_and_update_dates()
    {
        fixture.SkipUnlessAvailable();
        var rss = Load((await GetAsync("/feed")).Body);
        var (response, body) = await GetAsync("/feed/atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(XName.Get("feed", "http://www.w3.org/2005/Atom"), XDocument.Load(new MemoryStream(body)).Root!.Name);
        var atom = Load(body);
        Assert.Equal("http://localhost/feed/atom", atom.Id);
        Assert.Equal(rss.Items.Select(i => i.Title.Text), atom.Items.Select(i => i.Title.Text));
        Assert.All(atom.Items, item =>
        {
            Assert.False(string.IsNullOrEmpty(item.Id));
            Assert.NotEqual(default, item.LastUpdatedTime);
        });
        Assert.Contains(atom.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "http://localhost/feed/atom");
    }

    [SkippableTheory]
    [InlineData("/tin-tuc/feed", "Article")]
    [InlineData("/su-kien/feed", "Event")]
    [InlineData("/sang-kien/feed", "Initiative")]
    [InlineData("/tin-tuc/feed/atom", "Article")]
    [InlineData("/van-ban/feed", "OfficialDocument")]
    [InlineData("/van-ban/feed/atom", "OfficialDocument")]
    public async Task A_list_feed_carries_that_list_s_items(string url, string type)
    {
        fixture.SkipUnlessAvailable();
        var (response, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = Load(body);
        var expected = await QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = 30 });
        Assert.NotEmpty(expected.Items);
        Assert.Equal(expected.Items.Select(i => i.DisplayText), feed.Items.Select(i => i.Title.Text));
    }

    [SkippableTheory]
    [InlineData("/san-pham-dien-hinh")]
    [InlineData("/mo-hinh-diem")]
    public async Task A_curated_list_feed_begins_with_what_its_page_shows(string list)
    {
        fixture.SkipUnlessAvailable();
        var page = await new HtmlParser().ParseDocumentAsync(System.Text.Encoding.UTF8.GetString((await GetAsync(list)).Body));
        var pageTitles = page.QuerySelectorAll(".card h3, .card h2").Select(h => h.TextContent.Trim()).ToList();
        var feed = Load((await GetAsync(list + "/feed")).Body);

        Assert.NotEmpty(pageTitles);
        Assert.Equal(pageTitles, feed.Items.Take(pageTitles.Count).Select(i => i.Title.Text));
    }

    [SkippableFact]
    public async Task Pages_announce_their_feeds()
    {
        fixture.SkipUnlessAvailable();
        var parser = new HtmlParser();
        var home = await parser.ParseDocumentAsync(System.Text.Encoding.UTF8.GetString((await GetAsync("/")).Body));
        var news = await parser.ParseDocumentAsync(System.Text.Encoding.UTF8.GetString((await GetAsync("/tin-tuc")).Body));

        Assert.Contains(home.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("type") == "application/rss+xml" && l.GetAttribute("href") == "/feed");
        Assert.Contains(home.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("type") == "application/atom+xml" && l.GetAttribute("href") == "/feed/atom");
        Assert.Contains(news.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == "/tin-tuc/feed");
        Assert.DoesNotContain(home.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("href") == "/tin-tuc/feed");
    }

    [SkippableFact]
    public async Task A_feed_address_below_a_list_is_reserved_but_the_list_s_items_are_not()
    {
        fixture.SkipUnlessAvailable();
        // Touch a page first so the routes are built.
        await GetAsync("/");
        var reserved = await fixture.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<IReservedPaths>()));

        Assert.True(reserved.IsReserved("tin-tuc/feed"));
        Assert.True(reserved.IsReserved("tin-tuc/feed/atom"));
        Assert.True(reserved.IsReserved("feed"));
        Assert.True(reserved.IsReserved("sitemap.xml"));
        Assert.False(reserved.IsReserved("tin-tuc/hoi-thi-be-khoe"));
        Assert.False(reserved.IsReserved("sang-kien/feeding-time"));
    }

    [SkippableFact]
    public async Task The_sitemap_lists_the_fixed_pages_and_every_published_item_with_its_date_and_no_draft()
    {
        fixture.SkipUnlessAvailable();
        var (response, body) = await GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Load(new MemoryStream(body));
        Assert.Equal(SitemapNs + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(SitemapNs + "url").ToList();
        var locations = urls.Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
        Assert.Equal(locations.Count, locations.Distinct().Count());
        foreach (var page in new[] { "/", "/kho-hoc-lieu", "/tin-tuc", "/su-kien", "/sang-kien", "/san-pham-dien-hinh", "/mo-hinh-diem", "/van-ban" })
        {
            Assert.Contains("http://localhost" + page, locations);
        }

        // The five news category pages (/tin-tuc/goc-phu-huynh …) are pages of the site too, and so are the units' tree
        // and the page of every active unit.
        var routeCount = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().CountPublishedRoutesAsync());
        var units = await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IOrganizationService>().ListAsync()).Where(o => o.Active).ToList());
        // Pages, news categories, the units' tree and pages, the results list, its sample page and the honour roll, items.
        Assert.Equal(8 + 5 + 1 + units.Count + 3 + routeCount, urls.Count);
        Assert.Contains("http://localhost/ket-qua", locations);
        Assert.Contains("http://localhost/ket-qua/so-ket-02-nam-hoa-binh", locations);
        Assert.Contains("http://localhost/guong-dien-hinh", locations);
        Assert.Contains("http://localhost/don-vi", locations);
        Assert.All(units, u => Assert.Contains("http://localhost/don-vi/" + u.Id, locations));
        var published = (await QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], PageSize = 1 })).Items.Single();
        var entry = urls.Single(u => u.Element(SitemapNs + "loc")!.Value == "http://localhost/" + published.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal(published.ModifiedUtc!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ"), entry.Element(SitemapNs + "lastmod")!.Value);

        var drafts = (await QueryAsync(new ContentQuery { LatestInsteadOfPublished = true, Status = ContentStatusFilter.Draft, PageSize = 50 })).Items;
        Assert.NotEmpty(drafts);
        foreach (var path in drafts.Select(d => d.Part("AutoroutePart")?["Path"]?.GetValue<string>()).OfType<string>())
        {
            Assert.DoesNotContain("http://localhost/" + path, locations);
        }
    }

    [SkippableFact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_back_office_and_points_to_the_sitemap()
    {
        fixture.SkipUnlessAvailable();
        var (response, body) = await GetAsync("/robots.txt");
        var lines = System.Text.Encoding.UTF8.GetString(body).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }
}

public sealed class FeedAndSitemapSqliteTests(SqliteSiteFixture fixture) : FeedAndSitemapTests<SqliteSiteFixture>(fixture);

public sealed class FeedAndSitemapPostgresTests(PostgresSiteFixture fixture) : FeedAndSitemapTests<PostgresSiteFixture>(fixture);

/// <summary>A site with more addresses than one sitemap file holds (ten per file here), and a public base address.</summary>
public sealed class SitemapIndexTests : IAsyncLifetime
{
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly SqliteTestDatabase _database = new();
    private CmsAppFactory? _factory;

    private CmsAppFactory Factory => _factory!;

    public Task InitializeAsync()
    {
        _factory = new CmsAppFactory(_database, new Dictionary<string, string?>
        {
            ["ChuyenDe:Sitemap:UrlsPerFile"] = "10",
            ["ChuyenDe:PublicBaseUrl"] = "https://mamnon.example.vn",
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Beyond_one_file_the_sitemap_is_an_index_whose_files_hold_every_address_once()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        Assert.Equal(SitemapNs + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(SitemapNs + "sitemap").Select(s => s.Element(SitemapNs + "loc")!.Value).ToList();
        await using var scope = Factory.Services.CreateAsyncScope();
        var units = (await scope.ServiceProvider.GetRequiredService<IOrganizationService>().ListAsync()).Count(o => o.Active);
        var total = 8 + 5 + 1 + units + 3 + await scope.ServiceProvider.GetRequiredService<IContentQueryService>().CountPublishedRoutesAsync(); // pages, news categories, units, items
        Assert.Equal((total + 9) / 10, files.Count);
        Assert.Equal(Enumerable.Range(1, files.Count).Select(n => $"https://mamnon.example.vn/sitemap-{n}.xml"), files);

        var all = new List<string>();
        foreach (var file in files)
        {
            var set = XDocument.Parse(await client.GetStringAsync(new Uri(file).PathAndQuery));
            var locations = set.Root!.Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
            Assert.InRange(locations.Count, 1, 10);
            all.AddRange(locations);
        }

        Assert.Equal(total, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains("https://mamnon.example.vn/", all);
        Assert.All(all, url => Assert.StartsWith("https://mamnon.example.vn/", url));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sitemap-{files.Count + 1}.xml")).StatusCode);
    }

    [Fact]
    public async Task Feeds_and_robots_use_the_public_base_address()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var robots = await client.GetStringAsync("/robots.txt");
        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(await client.GetByteArrayAsync("/tin-tuc/feed"))));

        Assert.Contains("Sitemap: https://mamnon.example.vn/sitemap.xml", robots.Split('\n'));
        Assert.All(feed.Items, item => Assert.StartsWith("https://mamnon.example.vn/tin-tuc/", item.Links.First().Uri.AbsoluteUri));
    }
}
