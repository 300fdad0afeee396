using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>The generated editor in Chromium: the JavaScript preview and picker under the site's CSP, a validation error, publishing.</summary>
public sealed class ContentAdminBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Set CHUYENDE_SCREENSHOTS to a folder to keep screenshots of the pages for a look by eye.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CHUYENDE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [SkippableFact]
    public async Task A_curator_creates_an_Initiative_previews_it_picks_related_content_fixes_an_error_and_publishes()
    {
        BrowserFixture.SkipUnlessAvailable();
        var image = await ContentAdminSupport.SchoolImageAsync(fixture.Factory);
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, Accounts.DistrictCurator, CmsAppFactory.DemoPassword);

        // From here on, no script error and no CSP violation may appear (the favicon is not part of these pages).
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                problems.Add(message.Text + " @ " + message.Location + " on " + page.Url);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/admin/noi-dung");
        await ShotAsync(page, "01-list");
        await page.Locator(".create-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sáng kiến" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/noi-dung/tao/Initiative");

        var title = "Bé tự phục vụ trong giờ ăn " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#f-TitlePart-Title").FillAsync(title);
        await page.Locator("#f-OrganizationPart-OrganizationId").SelectOptionAsync("truong-mn-ben-thanh");
        await page.Locator("#f-Initiative-Authors").FillAsync("Nguyễn Thị Lan");
        await page.GetByLabel("2024–2025").CheckAsync();
        await page.GetByLabel("Xây dựng kế hoạch giáo dục", new() { Exact = false }).First.CheckAsync();
        await page.Locator("#f-Initiative-AppliedOn").FillAsync("2024-09-05");
        await page.Locator("#f-MarkdownBodyPart-Markdown").FillAsync("## Cách làm\n\nTrẻ **tự xúc cơm**.");

        // The preview comes from the server without leaving the page.
        var url = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var preview = page.Locator("#f-MarkdownBodyPart-Markdown-preview");
        await preview.Locator("strong").WaitForAsync();
        Assert.Equal("tự xúc cơm", await preview.Locator("strong").InnerTextAsync());
        Assert.Equal(url, page.Url);

        // The picker's search finds a published sample item and adds it, ticked.
        await page.Locator("#f-Initiative-RelatedItems-search").FillAsync("giờ ăn");
        var result = page.Locator("#f-Initiative-RelatedItems-search-results li", new() { HasText = "Đổi mới giờ ăn cho trẻ" });
        await result.GetByRole(AriaRole.Button).ClickAsync();
        Assert.True(await page.Locator("#f-Initiative-RelatedItems input[value='initiative-doi-moi-gio-an']").IsCheckedAsync());

        // An image with its description.
        await page.Locator($"#f-Initiative-Images input[value='{image}']").CheckAsync();
        await page.Locator($"input[name='Initiative.Images.MediaText[{image}]']").FillAsync("Trẻ tự lấy thức ăn");
        // Photos of children are published only with the parents' consent, confirmed by the contributor.
        await page.GetByLabel("Tôi xác nhận nhà trường đã có sự đồng ý của cha mẹ trẻ", new() { Exact = false }).CheckAsync();
        await ShotAsync(page, "02-create-filled");

        // The summary is missing: the error is shown beside it and in the focused summary; what was typed stays.
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await page.Locator("#error-summary").WaitForAsync();
        await ShotAsync(page, "03-validation-error");
        Assert.Contains("Vui lòng nhập Tóm tắt.", await page.Locator("#f-Initiative-Summary-error").InnerTextAsync());
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(title, await page.Locator("#f-TitlePart-Title").InputValueAsync());
        Assert.True(await page.Locator("#f-Initiative-RelatedItems input[value='initiative-doi-moi-gio-an']").IsCheckedAsync());
        Assert.Equal("Trẻ tự lấy thức ăn", await page.Locator($"input[name='Initiative.Images.MediaText[{image}]']").InputValueAsync());
        Assert.True(await page.Locator("#f-ConsentPart-Confirmed").IsCheckedAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Vui lòng nhập Tóm tắt." }).ClickAsync();
        await page.Locator("#f-Initiative-Summary").FillAsync("Trẻ tự lấy khay, tự xúc cơm và dọn bàn.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/sua");
        Assert.Contains("Đã xuất bản", await page.Locator(".flash").InnerTextAsync());
        await ShotAsync(page, "04-edit-published");

        await page.GetByRole(AriaRole.Link, new() { Name = "Xem trên trang" }).ClickAsync();
        await page.WaitForURLAsync("**/sang-kien/**");
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task A_contributor_s_file_chooser_lists_only_the_files_of_their_school()
    {
        BrowserFixture.SkipUnlessAvailable();
        var own = await ContentAdminSupport.SchoolImageAsync(fixture.Factory);
        var otherSchool = await ContentAdminSupport.SchoolImageAsync(fixture.Factory, ContentAdminSupport.CuuLong);
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, Accounts.Contributor, CmsAppFactory.DemoPassword);

        await page.GotoAsync("/admin/noi-dung/tao/Initiative");
        await ShotAsync(page, "10-contributor-chooser");
        var offered = await page.Locator("#f-Initiative-Images input[type=checkbox]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        var documents = await page.Locator("#f-Initiative-Attachments input[type=checkbox]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");

        Assert.Contains(own, offered);
        Assert.DoesNotContain(otherSchool, offered);
        Assert.All(offered.Concat(documents), path => Assert.StartsWith("u/truong-mn-ben-thanh/", path));
        // The photo of the other school is not even reachable by its address.
        var response = await page.APIRequest.GetAsync("/media/" + otherSchool);
        Assert.Equal(404, response.Status);
    }
}
