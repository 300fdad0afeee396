using ChuyenDe.Modules.Commendations;
using ChuyenDe.Tests.Functional;
using ChuyenDe.Tests.Functional.Admin;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// The honour roll (<c>/guong-dien-hinh</c>, all and filtered) and the commendations admin (decisions, a decision, a new
/// decision with errors, the proposals) checked as the other pages are: axe-core's WCAG 2.2 A/AA rules at 1280 px and
/// 320 px, and no horizontal scrolling at 320 px.
/// </summary>
public sealed class CommendationsAccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private static readonly int[] Widths = [1280, 320];
    private readonly List<string> _failures = [];

    [SkippableFact]
    public async Task The_honour_roll_and_the_commendation_pages_have_no_WCAG_2_2_AA_violations_and_no_horizontal_scroll()
    {
        BrowserFixture.SkipUnlessAvailable();
        int decisionId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            decisionId = await scope.ServiceProvider.GetRequiredService<DbContext>().Set<CommendationDecision>()
                .Where(d => d.Key == "hcm-nam-hoc-2023-2024").Select(d => d.Id).SingleAsync();
        }

        var visitor = await fixture.NewPageAsync();
        await CheckAsync(visitor, "/guong-dien-hinh");
        await CheckAsync(visitor, "/guong-dien-hinh?phase=2021-2025&district=phong-luong-son");
        await CheckAsync(visitor, "/guong-dien-hinh?level=Minister");
        await CheckAsync(visitor, "/san-pham-dien-hinh/gio-an-tre-tu-phuc-vu-truong-mam-non-ben-thanh");

        var curator = await fixture.NewPageAsync();
        await fixture.SignInAsync(curator, Accounts.DepartmentCurator, CmsAppFactory.DemoPassword);
        await CheckAsync(curator, "/admin/khen-thuong");
        await CheckAsync(curator, $"/admin/khen-thuong/{decisionId}/sua");
        await CheckAsync(curator, "/admin/khen-thuong/de-nghi");
        await CheckAsync(curator, "/admin/khen-thuong/tao");
        await curator.Locator("#Number").FillAsync("");
        await curator.Locator("#Period").FillAsync("2025");
        await curator.EvaluateAsync("() => { window.cdA11yOldPage = true; }");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận quyết định" }).ClickAsync();
        await curator.WaitForFunctionAsync("() => window.cdA11yOldPage === undefined && document.readyState !== 'loading'");
        Assert.True(await curator.Locator(".error-summary").CountAsync() > 0, "The new decision's errors are not shown.");
        await CheckAsync(curator, null, "new decision with errors");

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    private async Task CheckAsync(IPage page, string? url, string? what = null)
    {
        if (url is not null)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Status == 200, $"{url} answered {response.Status}.");
        }

        var name = what is null ? new Uri(page.Url).PathAndQuery : $"{new Uri(page.Url).AbsolutePath} ({what})";
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
            foreach (var violation in result.Violations)
            {
                _failures.Add($"{name} @ {width}px: {violation.Id} ({violation.Impact}) {violation.Help}");
                foreach (var node in violation.Nodes.Take(5))
                {
                    _failures.Add($"    {node.Target}: {node.Html[..Math.Min(200, node.Html.Length)]}");
                }
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
                        .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; } return true; })
                        .slice(0, 6).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} right ${e.getBoundingClientRect().right.toFixed(1)}`)
                    """);
                _failures.Add($"{name} @ {width}px: the page is {overflow}px wider than the window (WCAG 1.4.10): {string.Join(", ", wide)}");
            }

            output.WriteLine($"{name} @ {width}px: {result.Violations.Length} violations, overflow {overflow}px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
