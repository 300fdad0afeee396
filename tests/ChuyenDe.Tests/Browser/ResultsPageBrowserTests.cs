using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using ChuyenDe.Tests.Functional;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// The "Done when" path of published results in Chromium: the Hòa Bình Department closes its sơ kết round, a curator
/// of that Department builds a results page from it (title, text, two figures from the round's indicators, one moved
/// up), publishes it, and a parent reads it on a phone — the charts drawn, their tables beside them with the same
/// numbers, no horizontal scroll. axe's WCAG 2.2 A/AA rules at 1280 and 320 px on /ket-qua, the page and the composer.
/// </summary>
public sealed class ResultsPageBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private readonly List<string> _failures = [];

    [SkippableFact]
    public async Task A_curator_builds_a_results_page_from_a_closed_round_and_a_parent_reads_it_on_a_phone()
    {
        BrowserFixture.SkipUnlessAvailable();
        int roundId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            roundId = await db.Set<ReportRound>().Where(r => r.Key == "so-ket-02-nam-hoa-binh").Select(r => r.Id).SingleAsync();
        }

        // The Department's curator (a new account of Sở GD&ĐT Hòa Bình, made as the sample's demo accounts are) closes the round.
        const string userName = "so.hoabinh.kq";
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = userName, DisplayName = "Chuyên viên Sở Hòa Bình", OrganizationId = "so-hoa-binh", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, CmsAppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, RoleNames.DepartmentCurator)).Succeeded);
        }

        var curator = await fixture.NewPageAsync();
        await fixture.SignInAsync(curator, userName, CmsAppFactory.DemoPassword);
        await curator.GotoAsync($"/admin/bao-cao/{roundId}/sua");
        await ClickAndWaitAsync(curator, curator.GetByRole(AriaRole.Button, new() { Name = "Đóng đợt" }));

        // The composer: the page first, then its figures.
        await CheckAsync(curator, "/admin/ket-qua");
        await curator.GetByRole(AriaRole.Link, new() { Name = "Tạo trang kết quả" }).ClickAsync();
        await ClickAndWaitAsync(curator, curator.GetByRole(AriaRole.Button, new() { Name = "Tạo trang" }));
        await CheckAsync(curator, null, "new page with errors");
        await Assertions.Expect(curator.Locator(".error-summary")).ToContainTextAsync("Hãy nhập tiêu đề trang.");
        await curator.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Kết quả sơ kết chuyên đề tỉnh Hòa Bình");
        await curator.GetByLabel("Địa chỉ trang (không bắt buộc)").FillAsync("so-ket-hoa-binh-2023");
        await curator.GetByLabel("Đợt báo cáo").SelectOptionAsync(roundId.ToString());
        await curator.GetByLabel("Nội dung (Markdown, không bắt buộc)").FillAsync("Các Phòng GD&ĐT đã **hoàn thành** sơ kết.");
        await ClickAndWaitAsync(curator, curator.GetByRole(AriaRole.Button, new() { Name = "Tạo trang" }));

        await curator.GetByLabel("Số trường triển khai thực hiện chuyên đề (trường)").CheckAsync();
        await curator.GetByLabel("Tổng số trường mầm non trên địa bàn (trường)").CheckAsync();
        await curator.GetByLabel("Tiêu đề hình (không bắt buộc)").FillAsync("Quy mô triển khai chuyên đề");
        await ClickAndWaitAsync(curator, curator.GetByRole(AriaRole.Button, new() { Name = "Thêm hình" }));
        await curator.GetByLabel("Số cán bộ quản lý, giáo viên được tập huấn, bồi dưỡng về chuyên đề (người)").CheckAsync();
        await curator.GetByLabel("Mỗi chỉ tiêu một dòng, số liệu toàn đợt").CheckAsync();
        await ClickAndWaitAsync(curator, curator.GetByRole(AriaRole.Button, new() { Name = "Thêm hình" }));
        await Assertions.Expect(curator.Locator("figure.result-figure")).ToHaveCountAsync(2);
        await ClickAndWaitAsync(curator, curator.Locator("section#h2").GetByRole(AriaRole.Button, new() { Name = "Chuyển lên" }));
        await CheckAsync(curator, null, "composer with two figures");
        await ClickAndWaitAsync(curator, curator.GetByRole(AriaRole.Button, new() { Name = "Đăng lên trang công khai" }));
        await Assertions.Expect(curator.Locator(".flash")).ToContainTextAsync("/ket-qua/so-ket-hoa-binh-2023");

        // A parent on a phone: the list, then the page — charts drawn, tables with the figures, nothing wider than the screen.
        var parent = await fixture.NewPageAsync(phone: true);
        await parent.GotoAsync("/ket-qua");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Kết quả sơ kết chuyên đề tỉnh Hòa Bình" }).ClickAsync();
        await Assertions.Expect(parent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ket-qua/so-ket-hoa-binh-2023$"));
        await Assertions.Expect(parent.Locator(".prose strong")).ToHaveTextAsync("hoàn thành");
        var titles = await parent.Locator(".result-figure-title").AllTextContentsAsync();
        Assert.Equal(["Số cán bộ quản lý, giáo viên được tập huấn, bồi dưỡng về chuyên đề", "Quy mô triển khai chuyên đề"], titles.Select(t => t.Trim()));
        var chart = parent.Locator("figure.result-figure").Nth(1).Locator("svg[role=img]");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True((await chart.BoundingBoxAsync())!.Width > 200, "The chart is drawn at the phone's width.");
        var total = parent.Locator("figure.result-figure").Nth(1).Locator("tfoot tr");
        await Assertions.Expect(total).ToContainTextAsync("77");
        await Assertions.Expect(total).ToContainTextAsync("75");
        Assert.Equal(0, await parent.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));

        await CheckAsync(parent, "/ket-qua");
        await CheckAsync(parent, "/ket-qua/so-ket-hoa-binh-2023");
        await CheckAsync(parent, "/ket-qua/so-ket-02-nam-hoa-binh");
        Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures));
    }

    private async Task CheckAsync(IPage page, string? url, string? what = null)
    {
        if (url is not null)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Status == 200, $"{url} answered {response.Status}.");
        }

        var name = what is null ? new Uri(page.Url).AbsolutePath : $"{new Uri(page.Url).AbsolutePath} ({what})";
        var viewport = page.ViewportSize;
        foreach (var width in new[] { 1280, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
            foreach (var violation in result.Violations)
            {
                _failures.Add($"{name} @ {width}px: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join("; ", violation.Nodes.Take(3).Select(n => n.Target.ToString()))}");
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                _failures.Add($"{name} @ {width}px: the page is {overflow}px wider than the window (WCAG 1.4.10).");
            }

            output.WriteLine($"{name} @ {width}px: {result.Violations.Length} violations, overflow {overflow}px");
        }

        await page.SetViewportSizeAsync(viewport?.Width ?? 1280, viewport?.Height ?? 900);
    }

    private static async Task ClickAndWaitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.cdResultsOldPage = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.cdResultsOldPage === undefined && document.readyState !== 'loading'");
    }
}
