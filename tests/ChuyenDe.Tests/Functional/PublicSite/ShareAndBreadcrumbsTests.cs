using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// How people pass a page on and find their way: share links (Facebook, Zalo, e-mail, copy link) on item pages with
/// the page's absolute address, none on lists; a breadcrumb trail on every public page below the home.
/// </summary>
public sealed class ShareAndBreadcrumbsTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private async Task<IHtmlDocument> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private Task<ContentCard> FirstCardAsync(string type) => fixture.WithServicesAsync(async sp =>
    {
        var items = (await sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = 1 })).Items;
        return (await sp.GetRequiredService<IContentDisplayBuilder>().BuildCardsAsync(items)).Single();
    });

    /// <summary>The trail as (text, href, aria-current) from the breadcrumb navigation, which must be the only one.</summary>
    private static List<(string Text, string? Href, string? Current)> Trail(IHtmlDocument page)
    {
        var nav = Assert.Single(page.QuerySelectorAll("nav.breadcrumbs"));
        Assert.Equal("Vị trí trang", nav.GetAttribute("aria-label"));
        var list = Assert.Single(nav.Children);
        Assert.Equal("OL", list.TagName);
        return list.Children.Select(li =>
        {
            Assert.Equal("LI", li.TagName);
            var link = Assert.Single(li.QuerySelectorAll("a"));
            return (link.TextContent.Trim(), link.GetAttribute("href"), link.GetAttribute("aria-current"));
        }).ToList();
    }

    [Theory]
    [InlineData("Article")]
    [InlineData("Initiative")]
    [InlineData("ExemplaryProduct")]
    [InlineData("ModelSite")]
    [InlineData("Event")]
    public async Task An_item_page_has_share_links_with_its_absolute_address(string type)
    {
        var card = await FirstCardAsync(type);
        var address = "http://localhost" + card.Url;

        var page = await GetAsync(card.Url + "?utm_source=zalo&fbclid=x");

        var share = Assert.Single(page.QuerySelectorAll("section.share"));
        var links = share.QuerySelectorAll("a.share-link").ToList();
        Assert.Equal(4, links.Count);

        // Facebook: the sharer with the canonical address, encoded; no tracking parameters of this visit.
        var facebook = Assert.Single(links, a => a.TextContent.Contains("Facebook", StringComparison.Ordinal));
        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(address), facebook.GetAttribute("href"));
        Assert.Equal("Chia sẻ lên Facebook", facebook.TextContent.Trim());

        // Zalo documents no plain share address: its link copies the address (and without script leads to the page).
        var zalo = Assert.Single(links, a => a.TextContent.Contains("Zalo", StringComparison.Ordinal));
        Assert.Equal(address, zalo.GetAttribute("data-share-copy"));
        Assert.Equal(address, zalo.GetAttribute("href"));
        Assert.Contains("Zalo", zalo.GetAttribute("data-share-done"), StringComparison.Ordinal);

        // E-mail: subject the title, body the address, both encoded.
        var email = Assert.Single(links, a => a.GetAttribute("href")!.StartsWith("mailto:", StringComparison.Ordinal));
        var mailto = email.GetAttribute("href")!;
        Assert.StartsWith("mailto:?subject=" + Uri.EscapeDataString(card.Title) + "&body=", mailto);
        Assert.DoesNotContain(' ', mailto);
        Assert.Contains(address, Uri.UnescapeDataString(mailto[(mailto.IndexOf("&body=", StringComparison.Ordinal) + 6)..]), StringComparison.Ordinal);
        Assert.Equal("Gửi qua e-mail", email.TextContent.Trim());

        var copy = Assert.Single(links, a => a.TextContent.Trim() == "Sao chép liên kết");
        Assert.Equal(address, copy.GetAttribute("data-share-copy"));
        Assert.Equal("Đã sao chép liên kết.", copy.GetAttribute("data-share-done"));

        // Without script the address is there to copy by hand; the confirmation goes to a live region.
        Assert.Equal(address, share.QuerySelector(".share-url")?.TextContent.Trim());
        var status = Assert.Single(share.QuerySelectorAll("[aria-live]"));
        Assert.Equal("polite", status.GetAttribute("aria-live"));

        // No third-party script: every script of the page is the site's own (the JSON-LD blocks are data, not scripts).
        Assert.All(page.Scripts.Where(s => s.Type != "application/ld+json"), s => Assert.StartsWith("/js/", s.Source ?? "", StringComparison.Ordinal));
        // Linked by its content-fingerprinted address (/js/share.{hash}.js, MapStaticAssets).
        Assert.Contains(page.Scripts, s => s.Source is { } source && source.StartsWith("/js/share.", StringComparison.Ordinal) && source.EndsWith(".js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_copy_script_is_served()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/js/share.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("navigator.clipboard.writeText", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/sang-kien")]
    [InlineData("/san-pham-dien-hinh")]
    [InlineData("/mo-hinh-diem")]
    [InlineData("/su-kien")]
    [InlineData("/kho-hoc-lieu")]
    [InlineData("/tim-kiem?q=tr%E1%BA%BB")]
    public async Task Lists_home_and_search_have_no_share_links(string url)
    {
        var page = await GetAsync(url);

        Assert.Empty(page.QuerySelectorAll(".share, a[href*='facebook.com/sharer']"));
    }

    [Theory]
    [InlineData("Article", "Tin tức", "/tin-tuc")]
    [InlineData("Initiative", "Sáng kiến", "/sang-kien")]
    [InlineData("ExemplaryProduct", "Sản phẩm điển hình", "/san-pham-dien-hinh")]
    [InlineData("ModelSite", "Mô hình điểm", "/mo-hinh-diem")]
    [InlineData("Event", "Sự kiện", "/su-kien")]
    public async Task An_item_page_shows_the_trail_home_its_list_and_itself(string type, string listTitle, string listPath)
    {
        var card = await FirstCardAsync(type);

        var trail = Trail(await GetAsync(card.Url));

        Assert.Equal(
            [("Trang chủ", "/", null), (listTitle, listPath, null), (card.Title, card.Url, "page")],
            trail);
    }

    [Fact]
    public async Task A_page_of_the_site_is_directly_below_the_home()
    {
        var card = await FirstCardAsync("Page");

        var trail = Trail(await GetAsync(card.Url));

        Assert.Equal([("Trang chủ", "/", null), (card.Title, card.Url, "page")], trail);
    }

    [Theory]
    [InlineData("/tin-tuc", "Tin tức")]
    [InlineData("/tin-tuc?page=1", "Tin tức")]
    [InlineData("/sang-kien", "Sáng kiến")]
    [InlineData("/san-pham-dien-hinh", "Sản phẩm điển hình")]
    [InlineData("/mo-hinh-diem", "Mô hình điểm")]
    [InlineData("/su-kien", "Sự kiện")]
    [InlineData("/kho-hoc-lieu?type=Initiative", "Kho học liệu dùng chung")]
    [InlineData("/tim-kiem?q=tr%E1%BA%BB", "Tìm kiếm")]
    [InlineData("/tim-kiem", "Tìm kiếm")]
    public async Task Lists_library_and_search_show_the_home_and_themselves(string url, string title)
    {
        var trail = Trail(await GetAsync(url));

        Assert.Equal([("Trang chủ", "/", null), (title, url.Split('?')[0], "page")], trail);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/khong-co-trang-nay", HttpStatusCode.NotFound)]
    public async Task The_home_and_error_pages_have_no_trail(string url, HttpStatusCode status)
    {
        var page = await GetAsync(url, status);

        Assert.Empty(page.QuerySelectorAll("nav.breadcrumbs"));
    }
}
