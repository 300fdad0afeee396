using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Search;

/// <summary>
/// The done-when: a word that occurs only inside an attached Word file finds its Initiative on the public search
/// page, with the word highlighted in the snippet — typed without tone marks, as parents type on phones.
/// </summary>
public sealed class SearchAttachmentTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    [Fact]
    public async Task A_word_only_inside_an_attached_docx_finds_its_initiative_with_a_highlighted_snippet()
    {
        var marker = "kínhlúp" + Guid.NewGuid().ToString("N")[..6];
        var folded = "kinhlup" + marker["kínhlúp".Length..];
        var title = ContentAdminSupport.FreshTitle("Góc khám phá thiên nhiên");
        var docx = SampleFiles.Docx([$"Trẻ dùng {marker} để quan sát lá cây và côn trùng trong vườn trường."]);

        await fixture.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var admin = (await users.FindByNameAsync(Accounts.Administrator))!;
            using var stream = new MemoryStream(docx);
            var upload = await sp.GetRequiredService<IMediaUploadService>().UploadAsync(stream, "Kế hoạch góc khám phá.docx", docx.Length,
                new MediaUploadTarget(ContentAdminSupport.BenThanh, "", admin.Id));
            Assert.True(upload.Ok, upload.Message);

            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewInitiativeAsync(contents, title);
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = ContentAdminSupport.BenThanh;
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Trẻ tự khám phá thiên nhiên ở góc vườn.";
            item.GetOrCreateField("Initiative", "Attachments")["Paths"] = new JsonArray(upload.Path);
            var published = await contents.PublishAsync(item, new ContentActor(admin.Id, admin.UserName!));
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
            return true;
        });

        using var client = fixture.CreateClient();
        var html = await SearchWaiting.SearchUntilAsync(client, folded, title);

        var page = new HtmlParser().ParseDocument(html);
        var result = page.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.NotNull(result);
        Assert.Contains(page.QuerySelectorAll("mark"), m => m.TextContent.Equals(marker, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("quan sát lá cây", page.Body!.TextContent);
    }
}
