using System.Net;
using AngleSharp.Html.Parser;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Uploads;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>Downloads are counted per file and shown per item on its public page.</summary>
public sealed class ItemDownloadCountTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
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

        using var visitor = new AdminClient(fixture.Factory);
        foreach (var path in new[] { pdf, pdf, docx })
        {
            using var download = await visitor.GetAsync(MediaTestSupport.Url(path));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        var (status, page) = await visitor.GetPageAsync(pagePath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Lượt tải tài liệu: 3", page.QuerySelector(".downloads")!.TextContent);
        var links = page.QuerySelectorAll(".downloads a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Kế hoạch chuyên đề.pdf", links);
        Assert.Contains("Biên bản sinh hoạt.docx", links);
        var video = page.QuerySelector(".players video")!;
        Assert.Equal(MediaTestSupport.Url(mp4), video.GetAttribute("src"));
        Assert.Equal("Tiết học khám phá.mp4", page.QuerySelector(".players figcaption")!.TextContent.Trim());
    }
}
