using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// What search engines and share previews (Facebook, Zalo) read in a page's head: one canonical address, the
/// description, Open Graph and Twitter cards with the item's picture, and no indexing of search results or error pages.
/// </summary>
public sealed class SearchEngineTagsTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private async Task<(HttpStatusCode Status, IHtmlDocument Page)> GetAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    private static string? Canonical(IHtmlDocument page) => page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    private static string? Meta(IHtmlDocument page, string key)
        => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    [Fact]
    public async Task An_item_page_has_its_canonical_address_description_and_a_share_card_with_its_picture()
    {
        // A published item whose card has a picture.
        var card = await fixture.WithServicesAsync(async sp =>
        {
            var items = (await sp.GetRequiredService<IContentQueryService>()
                .QueryAsync(new ContentQuery { ContentTypes = ["ModelSite", "Initiative", "Article", "ExemplaryProduct"], PageSize = 100 })).Items;
            return (await sp.GetRequiredService<IContentDisplayBuilder>().BuildCardsAsync(items)).First(c => c.Image is not null);
        });
        var path = card.Url;

        var (status, page) = await GetAsync(path + "?utm_source=zalo");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("http://localhost" + path, Canonical(page));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(card.Title, Meta(page, "og:title"));
        Assert.Equal("http://localhost" + path, Meta(page, "og:url"));
        Assert.StartsWith("http://localhost/media/_anh/", Meta(page, "og:image"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "description")));
        Assert.Equal(Meta(page, "description"), Meta(page, "og:description"));
        Assert.Null(Meta(page, "robots"));

        // The picture the card shows is served to the public.
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Meta(page, "og:image")!).PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("/tin-tuc", "http://localhost/tin-tuc")]
    [InlineData("/tin-tuc?page=1&fbclid=abc", "http://localhost/tin-tuc")]
    [InlineData("/sang-kien?page=2", "http://localhost/sang-kien?page=2")]
    [InlineData("/kho-hoc-lieu?utm_medium=social", "http://localhost/kho-hoc-lieu")]
    [InlineData("/kho-hoc-lieu?type=Initiative&q=gi%E1%BB%9D%20%C4%83n&x=1", "http://localhost/kho-hoc-lieu?q=gi%E1%BB%9D%20%C4%83n&type=Initiative")]
    [InlineData("/kho-hoc-lieu?type=ModelSite&type=Article&page=1", "http://localhost/kho-hoc-lieu?type=Article&type=ModelSite")]
    public async Task Lists_have_one_canonical_address_with_their_filters_and_page_and_nothing_else(string url, string canonical)
    {
        var (status, page) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(canonical, Canonical(page));
        Assert.Equal("website", Meta(page, "og:type"));
    }

    [Theory]
    [InlineData("/tim-kiem?q=tr%E1%BA%BB", HttpStatusCode.OK)]
    [InlineData("/khong-co-trang-nay", HttpStatusCode.NotFound)]
    public async Task Search_results_and_error_pages_are_not_indexed(string url, HttpStatusCode expected)
    {
        var (status, page) = await GetAsync(url);

        Assert.Equal(expected, status);
        Assert.Equal("noindex, follow", Meta(page, "robots"));
        Assert.Null(Canonical(page));
    }
}
