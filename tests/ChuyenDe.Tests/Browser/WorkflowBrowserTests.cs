using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// The "done when" in Chromium: a school contributor submits an Initiative; the district curator returns it
/// with a reason; the contributor sees the reason, fixes it and resubmits; the district forwards it; the Department
/// curator approves and publishes it and marks it exemplary; the public sees it among the exemplary products; the
/// audit trail shows every step.
/// </summary>
public sealed class WorkflowBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Set CHUYENDE_SCREENSHOTS to a folder to keep screenshots of the pages for a look by eye.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CHUYENDE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "workflow-" + name + ".png"), FullPage = true });
        }
    }

    /// <summary>A complete Initiative draft of Trường MN Bến Thành, written by its contributor (never published).</summary>
    private async Task<string> DraftAsync(string title)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var owner = (await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(Accounts.Contributor))!;
        var contents = sp.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Initiative");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "## Cách làm\n\nTrẻ tự lấy khay và xúc cơm.";
        item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = ContentAdminSupport.BenThanh;
        item.GetOrCreateField("Initiative", "Summary")["Text"] = "Trẻ tự phục vụ trong giờ ăn.";
        item.GetOrCreateField("Initiative", "Authors")["Text"] = "Nguyễn Thị Lan";
        item.GetOrCreateField("Initiative", "SchoolYear")["TermContentItemIds"] = new JsonArray("sy-2024-2025");
        item.GetOrCreateField("Initiative", "Criteria")["TermContentItemIds"] = new JsonArray("crit-3");
        var result = await contents.SaveDraftAsync(item, new ContentActor(owner.Id, owner.UserName!));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Item!.ContentItemId;
    }

    private static async Task AssertFlashAsync(IPage page, string text)
    {
        var flash = page.Locator(".flash").First;
        await flash.WaitForAsync();
        Assert.Contains(text, await flash.InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Clicks a button that submits a form and waits for the page it leads to.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        // A mark on the current document: it is gone once the browser shows the page the form led to.
        await page.EvaluateAsync("() => { window.cdWorkflowOldPage = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.cdWorkflowOldPage === undefined && document.readyState !== 'loading'");
    }

    [SkippableFact]
    public async Task A_school_submission_goes_through_return_resubmit_forward_approval_publication_and_curation()
    {
        BrowserFixture.SkipUnlessAvailable();
        var title = "Bé tự phục vụ trong giờ ăn " + Guid.NewGuid().ToString("N")[..6];
        var id = await DraftAsync(title);
        var problems = new List<string>();

        async Task<IPage> SignedInAsync(string userName, string password)
        {
            var page = await fixture.NewPageAsync();
            await fixture.SignInAsync(page, userName, password);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" && !message.Location.Contains("favicon", StringComparison.Ordinal))
                {
                    problems.Add($"{userName}: {message.Text} @ {message.Location} on {page.Url}");
                }
            };
            page.PageError += (_, error) => problems.Add($"{userName}: {error}");
            return page;
        }

        // 1. The contributor opens the draft and submits it.
        var contributor = await SignedInAsync(Accounts.Contributor, CmsAppFactory.DemoPassword);
        await contributor.GotoAsync($"/admin/noi-dung/{id}");
        var panel = contributor.Locator("aside.workflow-panel");
        await Assertions.Expect(panel).ToContainTextAsync("Bản nháp");
        await SubmitAsync(contributor, panel.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }));
        await AssertFlashAsync(contributor, "Đã gửi duyệt (bước 2/3)");
        await Assertions.Expect(panel).ToContainTextAsync("bước 2/3");
        await ShotAsync(contributor, "01-submitted");

        // 2. The district curator finds it in the queue, takes it and returns it with a reason.
        var district = await SignedInAsync(Accounts.DistrictCurator, CmsAppFactory.DemoPassword);
        await district.GotoAsync("/admin/duyet");
        var row = district.Locator("table.review-queue tbody tr", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("bước 2/3");
        await ShotAsync(district, "02-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await district.WaitForURLAsync($"**/admin/duyet/{id}");
        await SubmitAsync(district, district.GetByRole(AriaRole.Button, new() { Name = "Nhận duyệt" }));
        await AssertFlashAsync(district, "Bạn đã nhận duyệt bài này.");
        const string written = "Đề nghị bổ sung ảnh trẻ tự lấy khay.";
        await district.GetByLabel("Thiếu minh chứng (hình ảnh, video, tài liệu)").CheckAsync();
        await district.GetByLabel("Lý do khác hoặc góp ý cho tác giả").FillAsync(written);
        await ShotAsync(district, "03-return");
        await SubmitAsync(district, district.GetByRole(AriaRole.Button, new() { Name = "Trả lại để chỉnh sửa" }));
        await district.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/duyet");
        await AssertFlashAsync(district, "Đã trả lại bài cho tác giả kèm lý do.");

        // 3. The contributor sees the reason, fixes the summary and submits again.
        await contributor.GotoAsync($"/admin/noi-dung/{id}/sua");
        var reasons = contributor.Locator("aside.workflow-panel .workflow-reasons");
        await Assertions.Expect(reasons).ToContainTextAsync("Thiếu minh chứng (hình ảnh, video, tài liệu)");
        await Assertions.Expect(reasons).ToContainTextAsync(written);
        await ShotAsync(contributor, "04-returned");
        const string fixedSummary = "Trẻ tự lấy khay, tự xúc cơm và dọn bàn; có ảnh minh chứng.";
        await contributor.Locator("#f-Initiative-Summary").FillAsync(fixedSummary);
        await SubmitAsync(contributor, contributor.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }));
        await contributor.WaitForURLAsync("**/sua");
        await Assertions.Expect(contributor.Locator("#f-Initiative-Summary")).ToHaveValueAsync(fixedSummary);
        await SubmitAsync(contributor, contributor.Locator("aside.workflow-panel").GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt", Exact = true }));
        await AssertFlashAsync(contributor, "Đã gửi duyệt (bước 2/3)");

        // 4. The district curator compares with the previous submission and forwards it to the Department.
        await district.GotoAsync($"/admin/duyet/{id}");
        await district.GetByRole(AriaRole.Link, new() { Name = "So sánh với lần gửi trước" }).ClickAsync();
        await district.WaitForURLAsync("**/so-sanh?**");
        var changed = district.Locator("section.diff-field[data-field='Initiative.Summary']");
        await Assertions.Expect(changed.Locator("ins").First).ToContainTextAsync("dọn bàn");
        await ShotAsync(district, "05-diff");
        await district.GotoAsync($"/admin/duyet/{id}");
        await SubmitAsync(district, district.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Chuyển lên ") }));
        await AssertFlashAsync(district, "Đã chuyển lên cấp trên (bước 3/3).");

        // 5. The Department curator approves and publishes, then marks it exemplary.
        var department = await SignedInAsync(Accounts.DepartmentCurator, CmsAppFactory.DemoPassword);
        await department.GotoAsync("/admin/duyet");
        var departmentRow = department.Locator("table.review-queue tbody tr", new() { HasText = title });
        await Assertions.Expect(departmentRow).ToContainTextAsync("bước 3/3");
        await departmentRow.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await department.WaitForURLAsync($"**/admin/duyet/{id}");
        await SubmitAsync(department, department.GetByRole(AriaRole.Button, new() { Name = "Duyệt và đăng" }));
        await AssertFlashAsync(department, "Đã đăng");
        await Assertions.Expect(department.Locator(".item-status")).ToContainTextAsync("Đã đăng");
        await ShotAsync(department, "06-published");

        await department.GetByRole(AriaRole.Link, new() { Name = "Tuyển chọn (sản phẩm điển hình, mô hình điểm)" }).ClickAsync();
        await department.WaitForURLAsync($"**/admin/tuyen-chon/noi-dung/{id}");
        var exemplary = department.Locator("form[aria-labelledby='danh-dau-dien-hinh']");
        await exemplary.GetByLabel("Cấp công nhận").SelectOptionAsync(new SelectOptionValue { Label = "Cấp tỉnh/thành phố" });
        await exemplary.GetByLabel("Lý do tuyên dương").FillAsync("Cách làm đơn giản, trẻ tự lập rõ rệt; nên nhân rộng.");
        await SubmitAsync(department, exemplary.GetByRole(AriaRole.Button, new() { Name = "Công nhận là sản phẩm điển hình" }));
        await AssertFlashAsync(department, "sản phẩm điển hình");
        await ShotAsync(department, "07-exemplary");

        // 6. The public sees it among the exemplary products and opens it.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/san-pham-dien-hinh");
        var card = visitor.GetByRole(AriaRole.Link, new() { Name = title });
        await Assertions.Expect(card.First).ToBeVisibleAsync();
        await ShotAsync(visitor, "08-public-list");
        await card.First.ClickAsync();
        await visitor.WaitForURLAsync(url => !url.EndsWith("/san-pham-dien-hinh", StringComparison.Ordinal));
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);

        // 7. The audit trail shows every step, in words.
        var admin = await SignedInAsync(Accounts.Administrator, CmsAppFactory.AdminPassword);
        await admin.GotoAsync("/admin/nhat-ky?noi-dung=" + Uri.EscapeDataString(id));
        await ShotAsync(admin, "09-audit");
        var actions = await admin.Locator("table.audit-table tbody tr td.audit-action .audit-action-text").AllInnerTextsAsync();
        var shown = string.Join(" | ", actions);
        foreach (var action in new[] { "Gửi duyệt", "Nhận xử lý", "Trả lại để chỉnh sửa", "Chuyển lên cấp trên", "Phê duyệt", "Xuất bản", "Công nhận sản phẩm điển hình" })
        {
            Assert.True(actions.Any(a => a.Trim() == action), $"The audit trail shows “{action}”: {shown}");
        }

        Assert.True(actions.Count(a => a.Trim() == "Gửi duyệt") >= 2, "Both submissions are in the audit trail: " + shown);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
