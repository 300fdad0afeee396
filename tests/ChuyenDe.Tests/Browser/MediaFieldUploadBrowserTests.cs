using ChuyenDe.Modules.Contents;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// Issue 4: uploads happen in the admin "and in the MediaField editor". A contributor uploads a PDF from the Attachments
/// field of a new Initiative; it appears ticked under its original name and is saved with the draft.
/// </summary>
public sealed class MediaFieldUploadBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_contributor_uploads_a_PDF_from_the_Attachments_field_and_the_draft_keeps_it()
    {
        BrowserFixture.SkipUnlessAvailable();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var folder = Path.Combine(Path.GetTempPath(), "chuyende-field-upload-" + suffix);
        Directory.CreateDirectory(folder);
        try
        {
            var pdf = "Báo cáo sáng kiến " + suffix + ".pdf";
            await File.WriteAllBytesAsync(Path.Combine(folder, pdf), SampleFiles.Pdf("Bao cao sang kien"));

            var page = await fixture.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning" && !message.Location.Contains("favicon", StringComparison.Ordinal))
                {
                    problems.Add(message.Text + " @ " + message.Location);
                }
            };
            page.PageError += (_, error) => problems.Add(error);
            await fixture.SignInAsync(page, Accounts.Contributor, CmsAppFactory.DemoPassword);
            await page.GotoAsync("/admin/noi-dung/tao/Initiative");

            // The script shows the upload box; the file goes to the library and comes back ticked under its original name.
            var field = page.Locator("#f-Initiative-Attachments");
            var upload = field.Locator("input[type=file].media-upload-input");
            await Assertions.Expect(upload).ToBeVisibleAsync();
            Assert.Contains(".pdf", await upload.GetAttributeAsync("accept") ?? "");
            Assert.Contains("Tải tệp mới lên", await field.Locator(".media-upload label").InnerTextAsync());
            await upload.SetInputFilesAsync(Path.Combine(folder, pdf));

            var row = field.Locator(".media-upload-progress li", new() { HasTextString = pdf });
            await Assertions.Expect(row.Locator(".media-status")).ToHaveTextAsync("Đã tải lên.", new() { Timeout = 15_000 });
            Assert.Equal("media-ok", await row.GetAttributeAsync("class"));
            Assert.Equal(1, await row.Locator("progress").CountAsync());
            var choice = field.Locator(".media-choice", new() { Has = page.Locator(".media-path", new() { HasTextString = pdf }) });
            await Assertions.Expect(choice).ToHaveCountAsync(1);
            var box = choice.Locator("input.media-toggle");
            Assert.True(await box.IsCheckedAsync());
            var path = (await box.GetAttributeAsync("value"))!;
            Assert.StartsWith("u/", path);
            Assert.EndsWith(".pdf", path);
            Assert.Equal("Initiative.Attachments", await box.GetAttributeAsync("name"));

            // The rest of the required fields, then a draft.
            await page.Locator("#f-TitlePart-Title").FillAsync("Sáng kiến có tệp đính kèm " + suffix);
            var organization = page.Locator("select#f-OrganizationPart-OrganizationId");
            if (await organization.CountAsync() > 0)
            {
                await organization.SelectOptionAsync("truong-mn-ben-thanh");
            }

            await page.Locator("#f-Initiative-Summary").FillAsync("Trẻ tự lấy khay, tự xúc cơm và dọn bàn.");
            await page.Locator("#f-Initiative-Authors").FillAsync("Nguyễn Thị Lan");
            await page.GetByLabel("2024–2025").CheckAsync();
            await page.GetByLabel("Xây dựng kế hoạch giáo dục", new() { Exact = false }).First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/sua");
            Assert.Equal(0, await page.Locator("#error-summary").CountAsync());

            // The saved draft has the uploaded file; the editor shows it by its original name.
            var id = new Uri(page.Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^2];
            await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            {
                var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest);
                Assert.NotNull(item);
                Assert.Contains(path, ContentAdminSupport.Strings(item!, "Initiative", "Attachments", "Paths"));
            }

            var saved = page.Locator($"#f-Initiative-Attachments input[value='{path}']");
            Assert.True(await saved.IsCheckedAsync());
            Assert.Contains(pdf, await page.Locator($"label[for='{await saved.GetAttributeAsync("id")}']").InnerTextAsync());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            await page.Context.CloseAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
