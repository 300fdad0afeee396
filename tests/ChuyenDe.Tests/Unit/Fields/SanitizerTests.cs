using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Fields.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Fields;

/// <summary>What users write in Markdown and HTML bodies is shown without anything that could run in the reader's browser.</summary>
public sealed class SanitizerTests
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static readonly IContentHtmlRenderer Renderer =
        new ServiceCollection().AddFieldsModule().BuildServiceProvider().GetRequiredService<IContentHtmlRenderer>();

    private static IElement Body(string html) => new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;

    /// <summary>
    /// What a browser would run: script-like elements, event handler attributes, style attributes, and URLs in
    /// attributes whose scheme is not http, https or mailto.
    /// </summary>
    private static void AssertNothingRuns(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        var body = Body(html);
        Assert.Empty(body.QuerySelectorAll("script, iframe, frame, object, embed, form, style, link, meta, base, svg, math"));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"<{element.LocalName}> keeps the event handler {attribute.Name}=\"{attribute.Value}\" in: {html}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                var compact = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.DoesNotContain("javascript:", compact, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("vbscript:", compact, StringComparison.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "xlink:href")
                {
                    var colon = compact.IndexOf(':', StringComparison.Ordinal);
                    var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
                    if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter))
                    {
                        Assert.Contains(compact[..colon].ToLowerInvariant(), AllowedSchemes);
                    }
                }
            }
        }
    }

    /// <summary>For HTML bodies nothing of the attack may remain in the output at all.</summary>
    private static void AssertNoTrace(string html)
    {
        AssertNothingRuns(html);
        foreach (var marker in new[] { "<script", "onerror", "onclick", "onload", "onmouseover", "javascript:", "<iframe", "alert(" })
        {
            Assert.DoesNotContain(marker, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static TheoryData<string> DangerousMarkdown => new()
    {
        "Trước <script>alert(1)</script> sau",
        "<script>alert(1)</script>",
        "Ảnh <img src=x onerror=alert(1)> đây",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](  javascript:alert(1)  )",
        "![ảnh](javascript:alert(1))",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"https://example.edu.vn\" onclick=\"alert(1)\">bấm vào đây</a>",
        "<div onmouseover=\"alert(1)\">di chuột</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">nền</p>",
        "<svg onload=alert(1)><circle r=\"10\"/></svg>",
        "<form action=\"javascript:alert(1)\"><button>Gửi</button></form>",
        "[x](https://example.edu.vn){onclick=alert(1)}",
        "# Tiêu đề {onclick=\"alert(1)\" style=\"color:red\"}",
    };

    [Theory]
    [MemberData(nameof(DangerousMarkdown))]
    public void Markdown_keeps_nothing_that_runs(string markdown)
        => AssertNothingRuns(Renderer.RenderMarkdown(markdown));

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("![ảnh](javascript:alert(1))")]
    [InlineData("[x][1]\n\n[1]: javascript:alert(1)")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Markdown_links_and_tags_leave_no_trace_of_the_attack(string markdown)
    {
        var html = Renderer.RenderMarkdown(markdown);

        AssertNothingRuns(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", string.Concat(Body(html).QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Value)),
            StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> DangerousHtml => new()
    {
        "<p>Trước</p><script>alert(1)</script><p>sau</p>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=x OnError=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"https://example.edu.vn\" onclick=\"alert(1)\">bấm</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">nền</div>",
        "<body onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<scr<script>ipt>alert(1)</script>",
        "<!--<img src=x onerror=alert(1)>-->",
    };

    [Theory]
    [MemberData(nameof(DangerousHtml))]
    public void Html_bodies_keep_nothing_of_the_attack(string html)
        => AssertNoTrace(Renderer.SanitizeHtml(html));

    [Fact]
    public void Normal_markdown_survives_with_its_Vietnamese_text()
    {
        const string markdown = """
            # Giờ ăn của bé

            Trẻ **tự phục vụ** và *chia sẻ* với bạn trong giờ ăn.

            ## Các bước

            - Rửa tay trước khi ăn
            - Tự xúc cơm, tự dọn bàn

            1. Cô giới thiệu món ăn
            2. Trẻ chọn món mình thích

            Xem thêm [hướng dẫn của Bộ GD&ĐT](https://moet.gov.vn/tin-tuc?id=1) hoặc [trang giới thiệu](/gioi-thieu).
            """;

        var html = Renderer.RenderMarkdown(markdown);

        AssertNothingRuns(html);
        var body = Body(html);
        Assert.Equal("Giờ ăn của bé", body.QuerySelector("h1")?.TextContent);
        Assert.Equal("Các bước", body.QuerySelector("h2")?.TextContent);
        Assert.Equal("tự phục vụ", body.QuerySelector("strong")?.TextContent);
        Assert.Equal("chia sẻ", body.QuerySelector("em")?.TextContent);
        Assert.Equal(["Rửa tay trước khi ăn", "Tự xúc cơm, tự dọn bàn"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["Cô giới thiệu món ăn", "Trẻ chọn món mình thích"], body.QuerySelectorAll("ol > li").Select(li => li.TextContent.Trim()));
        var links = body.QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.Equal("https://moet.gov.vn/tin-tuc?id=1", links[0].GetAttribute("href"));
        Assert.Equal("hướng dẫn của Bộ GD&ĐT", links[0].TextContent);
        Assert.Equal("noopener noreferrer", links[0].GetAttribute("rel"));
        Assert.Equal("/gioi-thieu", links[1].GetAttribute("href"));
        Assert.Contains("Trẻ tự phục vụ và chia sẻ với bạn trong giờ ăn.", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Normal_html_survives_with_its_Vietnamese_text()
    {
        const string input = """
            <h2>Giới thiệu chuyên đề</h2>
            <p>Chuyên đề <strong>“Xây dựng trường mầm non lấy trẻ làm trung tâm”</strong> gồm <em>năm nội dung</em>.</p>
            <ol><li>Xây dựng kế hoạch giáo dục</li><li>Xây dựng môi trường</li></ol>
            <p><a href="https://chuyende.example.edu.vn/sang-kien">Xem sáng kiến</a> · <a href="mailto:lienhe@example.edu.vn">Liên hệ</a></p>
            <p><img src="/media/mau/san-truong-xanh.jpg" alt="Sân trường xanh"></p>
            """;

        var html = Renderer.SanitizeHtml(input);

        AssertNoTrace(html);
        var body = Body(html);
        Assert.Equal("Giới thiệu chuyên đề", body.QuerySelector("h2")?.TextContent);
        Assert.Equal("“Xây dựng trường mầm non lấy trẻ làm trung tâm”", body.QuerySelector("strong")?.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("ol > li").Length);
        Assert.Equal("https://chuyende.example.edu.vn/sang-kien", body.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("mailto:lienhe@example.edu.vn", body.QuerySelectorAll("a")[1].GetAttribute("href"));
        var image = body.QuerySelector("img");
        Assert.Equal("/media/mau/san-truong-xanh.jpg", image?.GetAttribute("src"));
        Assert.Equal("Sân trường xanh", image?.GetAttribute("alt"));
    }

    [Fact]
    public void Dangerous_parts_are_removed_while_the_text_around_them_stays()
    {
        var html = Renderer.SanitizeHtml("<p onclick=\"alert(1)\">Bé <b>vui</b> học<script>alert(1)</script> mỗi ngày</p>");

        AssertNoTrace(html);
        var paragraph = Body(html).QuerySelector("p");
        Assert.NotNull(paragraph);
        Assert.Equal("Bé vui học mỗi ngày", paragraph.TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_gives_empty_output(string? input)
    {
        Assert.Equal("", Renderer.RenderMarkdown(input));
        Assert.Equal("", Renderer.SanitizeHtml(input));
    }
}
