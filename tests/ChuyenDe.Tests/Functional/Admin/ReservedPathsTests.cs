using System.Net;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>
/// Issue 10, item 7: an item cannot take an address the site answers itself (every registered route prefix, the
/// static folders, the prefixes kept for features to come): a typed address is refused with a Vietnamese message, a
/// generated one gets a number.
/// </summary>
public sealed class ReservedPathsTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string ReservedMessage = "được dành cho các trang riêng của hệ thống";

    [Theory]
    [InlineData("admin/bao-mat", "admin/bao-mat")]
    [InlineData("Admin", "admin")]
    [InlineData("media/u/anh-cua-tre", "media/u/anh-cua-tre")]
    [InlineData("Tìm kiếm", "tim-kiem")]
    [InlineData("tim-kiem/goi-y", "tim-kiem/goi-y")]
    [InlineData("loi/404", "loi/404")]
    [InlineData("css/site", "css/site")]
    [InlineData("js", "js")]
    [InlineData("kho-hoc-lieu", "kho-hoc-lieu")]
    [InlineData("sang-kien", "sang-kien")]
    [InlineData("feed", "feed")]
    [InlineData("health/ready", "health/ready")]
    [InlineData("guong-dien-hinh", "guong-dien-hinh")]
    public async Task A_typed_address_the_site_answers_itself_is_refused_with_a_Vietnamese_message(string typed, string slug)
    {
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        var title = FreshTitle("Trang dành riêng");
        var form = (await EditFormAsync(curator, "/admin/noi-dung/tao/Page"))
            .Set("TitlePart.Title", title)
            .Set("AutoroutePart.Path", typed)
            .Set("HtmlBodyPart.Html", "<p>Nội dung</p>");

        using var refused = await form.SubmitAsync(curator, "_action", "publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await AdminClient.ParseAsync(refused);
        var error = ErrorBeside(page, "AutoroutePart.Path");
        Assert.NotNull(error);
        Assert.Contains(ReservedMessage, error);
        Assert.Contains(slug, error);
        Assert.Empty((await FindByTitleAsync(fixture, title)).Items);
    }

    [Fact]
    public async Task An_address_below_a_list_of_items_and_an_ordinary_address_are_accepted()
    {
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        var slug = "gioi-thieu-them-" + Guid.NewGuid().ToString("N")[..6];

        using var published = await (await EditFormAsync(curator, "/admin/noi-dung/tao/Page"))
            .Set("TitlePart.Title", FreshTitle("Giới thiệu thêm"))
            .Set("AutoroutePart.Path", "tin-tuc/" + slug)
            .Set("HtmlBodyPart.Html", "<p>Nội dung</p>")
            .SubmitAsync(curator, "_action", "publish");

        var item = (await PublishedAsync(fixture, EditedId(published)))!;
        Assert.Equal("tin-tuc/" + slug, item.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        using var visitor = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/tin-tuc/" + slug)).StatusCode);
    }

    [Fact]
    public async Task An_item_titled_like_a_site_page_gets_a_numbered_address_and_the_site_page_still_answers()
    {
        var item = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var page = await contents.NewAsync("Page");
            page.GetOrCreatePart("TitlePart")["Title"] = "Tìm kiếm";
            page.GetOrCreatePart("HtmlBodyPart")["Html"] = "<p>Trang của tác giả</p>";
            var result = await contents.PublishAsync(page, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Item!;
        });

        var path = item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        Assert.StartsWith("tim-kiem-", path, StringComparison.Ordinal);
        using var visitor = fixture.CreateClient();
        Assert.Contains("Trang của tác giả", await visitor.GetStringAsync("/" + path));
        var search = await visitor.GetStringAsync("/tim-kiem");
        Assert.DoesNotContain("Trang của tác giả", search);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("admin/noi-dung", true)]
    [InlineData("media/mau/a.jpg", true)]
    [InlineData("tim-kiem", true)]
    [InlineData("tim-kiem/goi-y", true)]
    [InlineData("loi/500", true)]
    [InlineData("css/site.css", true)]
    [InlineData("js/app.js", true)]
    [InlineData("favicon.svg", true)]
    [InlineData("sang-kien", true)]
    [InlineData("kho-hoc-lieu", true)]
    [InlineData("robots.txt", true)]
    [InlineData("sitemap.xml", true)]
    [InlineData("oai", true)]
    [InlineData("sang-kien/doi-moi-gio-an-cho-tre", false)]
    [InlineData("gioi-thieu", false)]
    [InlineData("huong-dan/cach-dang-bai", false)]
    [InlineData("administration-guide", false)]
    public void The_reserved_set_comes_from_the_registered_routes_and_static_folders(string path, bool reserved)
        => Assert.Equal(reserved, fixture.Factory.Services.GetRequiredService<IReservedPaths>().IsReserved(path));
}
