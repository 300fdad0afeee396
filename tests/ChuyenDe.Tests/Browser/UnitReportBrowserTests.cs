using ChuyenDe.Modules.Reports;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>A district office answers the Department's sample round in Chromium: start, a wrong figure refused beside its box, a draft saved.</summary>
public sealed class UnitReportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Set CHUYENDE_SCREENSHOTS to a folder to keep screenshots of the pages for a look by eye.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CHUYENDE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "unit-report-" + name + ".png"), FullPage = true });
        }
    }

    [SkippableFact]
    public async Task Luong_Son_starts_its_report_is_told_what_is_wrong_beside_a_figure_and_saves_a_draft()
    {
        BrowserFixture.SkipUnlessAvailable();
        int roundId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            roundId = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<ReportRound>()
                .Where(r => r.Key == "so-ket-02-nam-hoa-binh").Select(r => r.Id).SingleAsync();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, Accounts.OtherDistrictCurator, CmsAppFactory.DemoPassword);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Location.Contains("favicon", StringComparison.Ordinal))
            {
                problems.Add(message.Text + " @ " + message.Location + " on " + page.Url);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/admin/bao-cao/cua-don-vi");
        await page.Locator(".admin-nav a[href='/admin/bao-cao/cua-don-vi']").WaitForAsync();
        await ShotAsync(page, "01-list");
        await page.Locator($"#dot-{roundId} a.round-title").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu báo cáo" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();

        await page.Locator("#value-tong-so-truong").FillAsync("mười hai");
        await page.Locator("#value-truong-tham-gia").FillAsync("18");
        var firstSection = page.Locator("form.unit-report textarea").First;
        await firstSection.FillAsync("Phòng đã ban hành kế hoạch **triển khai** chuyên đề.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).Last.ClickAsync();
        await page.Locator("#value-tong-so-truong-error").WaitForAsync();
        await ShotAsync(page, "02-error");
        Assert.Contains("Tổng số trường", await page.Locator("#value-tong-so-truong-error").InnerTextAsync());
        Assert.Equal("18", await page.Locator("#value-truong-tham-gia").InputValueAsync());
        Assert.Contains("**triển khai**", await firstSection.InputValueAsync());

        await page.Locator("#value-tong-so-truong").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).Last.ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Equal("Đã lưu bản nháp.", (await page.Locator(".flash").InnerTextAsync()).Trim());
        Assert.Equal("20", await page.Locator("#value-tong-so-truong").InputValueAsync());
        await ShotAsync(page, "03-saved");
        Assert.Empty(problems);
    }
}
