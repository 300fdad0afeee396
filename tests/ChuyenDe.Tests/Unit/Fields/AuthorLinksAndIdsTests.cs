using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>
/// Issue 10, item 7: addresses that look site-relative but lead to another host (<c>//host</c>, <c>/\host</c>,
/// <c>\\host</c>) are external or removed in rendered bodies, and author ids cannot take the place of the page's ids.
/// </summary>
public sealed class AuthorLinksAndIdsTests
{
    private static readonly IContentHtmlRenderer Renderer =
        new ServiceCollection().AddFieldsModule().BuildServiceProvider().GetRequiredService<IContentHtmlRenderer>();

    private static IElement Body(string html) => new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;

    /// <summary>What a browser would resolve the link to, on a page of this site.</summary>
    private static string? Resolved(IElement link)
        => link.GetAttribute("href") is { } href ? new Url(new Url("https://chuyende.example.edu.vn/sang-kien/x"), href).Host : null;

    [Theory]
    [InlineData("//evil.example/dang-nhap")]
    [InlineData("/\\evil.example/dang-nhap")]
    [InlineData("\\\\evil.example/dang-nhap")]
    [InlineData("\\/evil.example/dang-nhap")]
    [InlineData(" //evil.example/dang-nhap")]
    [InlineData("/\t/evil.example/dang-nhap")]
    [InlineData("/\n/evil.example/dang-nhap")]
    public void A_body_link_to_another_host_without_a_scheme_is_external_or_removed(string href)
    {
        foreach (var html in new[]
                 {
                     Renderer.SanitizeHtml($"<p><a href=\"{href.Replace("\t", "&#9;").Replace("\n", "&#10;")}\">trang đăng nhập</a></p>"),
                 })
        {
            var link = Body(html).QuerySelector("a")!;
            Assert.Equal("trang đăng nhập", link.TextContent);
            // Either it is gone, or it is marked as the external link it is.
            if (link.HasAttribute("href"))
            {
                Assert.Equal("evil.example", Resolved(link));
                Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
            }
        }
    }

    [Theory]
    [InlineData("//evil.example/dang-nhap")]
    [InlineData("/\\evil.example/dang-nhap")]
    [InlineData("\\\\evil.example/dang-nhap")]
    public void A_markdown_link_to_another_host_without_a_scheme_is_external_or_removed(string href)
    {
        var html = Renderer.RenderMarkdown($"Xem [trang đăng nhập](<{href}>) nhé.");

        // Markdig percent-encodes a backslash (/%5Cevil.example stays on this site); anything that does reach the
        // other host is marked as external.
        var link = Body(html).QuerySelector("a");
        if (link?.HasAttribute("href") == true && Resolved(link) != "chuyende.example.edu.vn")
        {
            Assert.Equal("evil.example", Resolved(link));
            Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        }

        Assert.Contains("trang đăng nhập", Body(html).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_links_stay_site_links_without_rel()
    {
        var link = Body(Renderer.SanitizeHtml("<a href=\"/sang-kien/doi-moi\">Đổi mới</a>")).QuerySelector("a")!;

        Assert.Equal("/sang-kien/doi-moi", link.GetAttribute("href"));
        Assert.Null(link.GetAttribute("rel"));
    }

    [Fact]
    public void An_image_from_another_host_without_a_scheme_and_a_backslash_loses_its_address()
    {
        var image = Body(Renderer.SanitizeHtml("<img src=\"/\\evil.example/x.png\" alt=\"ảnh\">")).QuerySelector("img")!;

        Assert.Null(image.GetAttribute("src"));
        Assert.Equal("ảnh", image.GetAttribute("alt"));
    }

    [Fact]
    public void Author_ids_get_a_prefix_and_cannot_replace_the_skip_link_target()
    {
        var html = Renderer.SanitizeHtml("""
            <h2 id="noi-dung">Mục lục</h2>
            <p><a href="#noi-dung">Lên đầu</a> <a href="#">trang</a></p>
            <label for="tim-nhanh">Tìm</label>
            <table><tr><th id="cot">Cột</th></tr><tr><td headers="cot">1</td></tr></table>
            <img src="/media/mau/a.jpg" name="tim-nhanh" alt="ảnh">
            """);
        var body = Body(html);

        Assert.Empty(body.QuerySelectorAll("#noi-dung, #tim-nhanh, [name]"));
        Assert.Equal("nd-noi-dung", body.QuerySelector("h2")!.Id);
        Assert.Equal("#nd-noi-dung", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("#", body.QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Equal("nd-cot", body.QuerySelector("th")!.Id);
        Assert.Equal("nd-cot", body.QuerySelector("td")!.GetAttribute("headers"));
        Assert.All(body.QuerySelectorAll("[id]"), e => Assert.StartsWith(ContentHtmlRenderer.IdPrefix, e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_heading_ids_and_in_page_links_keep_working_with_the_prefix()
    {
        var html = Renderer.RenderMarkdown("""
            [Xem các bước](#cac-buoc)

            ## Các bước

            Văn bản[^1].

            [^1]: Chú thích.
            """);
        var body = Body(html);

        var heading = body.QuerySelector("h2")!;
        Assert.Equal("nd-cac-buoc", heading.Id);
        Assert.Equal("#nd-cac-buoc", body.QuerySelector("p a")!.GetAttribute("href"));
        // Every in-page link points at an id that exists in the rendered text.
        foreach (var link in body.QuerySelectorAll("a[href^='#']"))
        {
            var target = link.GetAttribute("href")![1..];
            Assert.StartsWith(ContentHtmlRenderer.IdPrefix, target, StringComparison.Ordinal);
            Assert.Contains(body.QuerySelectorAll("[id]"), e => e.Id == target);
        }
    }

    [Fact]
    public void An_old_style_named_anchor_becomes_a_prefixed_id()
    {
        var body = Body(Renderer.SanitizeHtml("<p><a name=\"phan-2\"></a>Phần 2</p><p><a href=\"#phan-2\">Đến phần 2</a></p>"));

        Assert.Empty(body.QuerySelectorAll("[name]"));
        var target = body.QuerySelectorAll("a")[1].GetAttribute("href")![1..];
        Assert.Equal("nd-phan-2", target);
        Assert.NotNull(body.QuerySelector("#" + target));
    }
}
