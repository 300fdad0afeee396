using System.Net;
using AngleSharp.Html.Parser;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Uploads;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>Downloads are counted per file and shown per item on its public page.</summary>
public sealed class ItemDownloadCountTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task The_public_item_page_shows_how_often_its_documents_were_downloaded()
    {
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var pdf = (await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, ("Kế hoạch chuyên đề.pdf", SampleFiles.Pdf("Ke hoach"))))[0].Path!;
        var docx = (await MediaUploadTests.UploadAsync(admin, ContentAdminSupport.BenThanh, ("Biên bản sinh hoạt.docx", SampleFiles.Docx(["Biên bản"]))))[0].Path!;
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sổ tay góc học tập"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        var published = await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetAttachments(i, pdf, docx), publish: true);
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
    }
}
