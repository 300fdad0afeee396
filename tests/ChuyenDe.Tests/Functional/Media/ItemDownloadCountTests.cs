using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Uploads;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>
/// Downloads are counted per file and shown per item on its public page: once per client, file and day, never for
/// robots, HEAD requests or range requests (issue 10, item 7).
/// </summary>
public sealed class ItemDownloadCountTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private static AdminClient Visitor(SqliteSiteFixture fixture, string userAgent)
    {
        var client = new AdminClient(fixture.Factory);
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private static async Task<string> DownloadsShownAsync(AdminClient client, string pagePath)
    {
        var (status, page) = await client.GetPageAsync(pagePath);
        Assert.Equal(HttpStatusCode.OK, status);
        return page.QuerySelector(".downloads p.count")!.TextContent.Trim();
    }

    [Fact]
    public async Task A_client_is_counted_once_per_file_and_day_and_robots_heads_and_ranges_are_not_counted()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var pdf = (await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, ("Kế hoạch tuần.pdf", SampleFiles.Pdf("Ke hoach tuan"))))[0].Path!;
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến đếm lượt tải"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        var published = await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetAttachments(i, pdf), publish: true);
        var pagePath = "/" + published.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        var url = MediaTestSupport.Url(pdf);
        using var first = Visitor(fixture, Firefox);
        using var second = Visitor(fixture, Chrome);

        Assert.Equal("Lượt tải tài liệu: 0", await DownloadsShownAsync(first, pagePath));

        // The same client twice: one download.
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(url)).StatusCode);
        Assert.Equal("Lượt tải tài liệu: 1", await DownloadsShownAsync(first, pagePath));

        // A range request and a HEAD after the full download by the same client: not counted again.
        using (var range = new HttpRequestMessage(HttpMethod.Get, url))
        {
            range.Headers.Range = new RangeHeaderValue(0, 9);
            Assert.Equal(HttpStatusCode.PartialContent, (await first.Http.SendAsync(range)).StatusCode);
        }

        using (await first.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url)))
        {
        }

        Assert.Equal("Lượt tải tài liệu: 1", await DownloadsShownAsync(first, pagePath));

        // Another client: two.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(url)).StatusCode);
        Assert.Equal("Lượt tải tài liệu: 2", await DownloadsShownAsync(first, pagePath));

        // Robots, command-line tools and clients without a User-Agent get the file but are not counted.
        foreach (var robot in new[]
                 {
                     "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.5.0", "Wget/1.21.4",
                     "python-requests/2.32.3", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
                     "Mozilla/5.0 (compatible; AhrefsBot/7.0)", "",
                 })
        {
            using var client = new AdminClient(fixture.Factory);
            if (robot.Length > 0)
            {
                Assert.True(client.Http.DefaultRequestHeaders.UserAgent.TryParseAdd(robot), robot);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal("Lượt tải tài liệu: 2", await DownloadsShownAsync(first, pagePath));
    }

    [Fact]
    public async Task The_public_item_page_shows_original_names_a_video_player_and_how_often_its_documents_were_downloaded()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var pdf = (await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, ("Kế hoạch chuyên đề.pdf", SampleFiles.Pdf("Ke hoach"))))[0].Path!;
        var docx = (await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, ("Biên bản sinh hoạt.docx", SampleFiles.Docx(["Biên bản"]))))[0].Path!;
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sổ tay góc học tập"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        var mp4 = (await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, ("Tiết học khám phá.mp4", SampleFiles.Mp4())))[0].Path!;
        var published = await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i =>
        {
            MediaTestSupport.SetAttachments(i, pdf, docx);
            i.GetOrCreateField("Initiative", "Videos")["Paths"] = new System.Text.Json.Nodes.JsonArray(mp4);
        }, publish: true);
        var pagePath = "/" + published.Part("AutoroutePart")!["Path"]!.GetValue<string>();

        using var visitor = Visitor(fixture, Firefox);
        foreach (var path in new[] { pdf, pdf, docx })
        {
            using var download = await visitor.GetAsync(MediaTestSupport.Url(path));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        var (status, page) = await visitor.GetPageAsync(pagePath);

        Assert.Equal(HttpStatusCode.OK, status);
        // The same visitor twice for the same file counts once.
        Assert.Contains("Lượt tải tài liệu: 2", page.QuerySelector(".downloads")!.TextContent);
        var links = page.QuerySelectorAll(".downloads a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Kế hoạch chuyên đề.pdf", links);
        Assert.Contains("Biên bản sinh hoạt.docx", links);
        var video = page.QuerySelector(".players video")!;
        Assert.Equal(MediaTestSupport.Url(mp4), video.GetAttribute("src"));
        Assert.Equal("Tiết học khám phá.mp4", page.QuerySelector(".players figcaption")!.TextContent.Trim());
    }
}
