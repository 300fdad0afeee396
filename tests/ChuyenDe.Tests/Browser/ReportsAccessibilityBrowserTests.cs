using ChuyenDe.Modules.Reports;
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
/// The Reports pages checked as the public pages are (<see cref="AccessibilityBrowserTests"/>): axe-core's WCAG 2.2
/// A/AA rules at 1280 px and at 320 px, and no horizontal scrolling of the page at 320 px (WCAG 1.4.10; a wide table
/// scrolls inside its own container). Each form is checked as it comes back with errors too, and what axe does not
/// check there: every invalid control is marked <c>aria-invalid</c> and names its message with <c>aria-describedby</c>.
/// Pages: rounds list, a round's settings (new, with errors), its outline and indicator editors (with errors),
/// templates list and a template with its editors, the unit's reports list, a unit's report (with errors, then
/// submitted), the status board, the review page (with the missing-reason error), both history pages, the
/// consolidation, the nominations and the review queue with the units' reports.
/// </summary>
public sealed class ReportsAccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private static readonly int[] Widths = [1280, 320];
    private const string LuongSon = "phong-luong-son";
    private readonly List<string> _failures = [];

    [SkippableFact]
    public async Task The_report_pages_have_no_WCAG_2_2_AA_violations_and_no_horizontal_scroll_with_or_without_errors()
    {
        BrowserFixture.SkipUnlessAvailable();
        int roundId, templateId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            roundId = await db.Set<ReportRound>().Where(r => r.Key == "so-ket-02-nam-hoa-binh").Select(r => r.Id).SingleAsync();
            templateId = await db.Set<ReportTemplate>().Where(t => t.BuiltIn).Select(t => t.Id).FirstAsync();
        }

        // The round manager's pages.
        var admin = await fixture.NewPageAsync();
        await fixture.SignInAsync(admin, Accounts.Administrator, CmsAppFactory.AdminPassword);
        await CheckAsync(admin, "/admin/bao-cao");
        await CheckAsync(admin, "/admin/bao-cao/tao");
        await ClickAndWaitAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Tạo đợt", Exact = true }));
        await CheckAsync(admin, null, "new round with errors", expectErrors: true);
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/sua");
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/de-cuong");
        await admin.Locator("ol.outline-rows input[id$='.Title']").First.FillAsync("");
        await ClickAndWaitAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Lưu đề cương" }));
        await CheckAsync(admin, null, "outline with errors", expectErrors: true);
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/chi-tieu");
        await admin.Locator("ol.indicator-rows input[id$='.Name']").First.FillAsync("");
        await admin.Locator("ol.indicator-rows input[id$='.Maximum']").First.FillAsync("nhiều");
        await ClickAndWaitAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bộ chỉ tiêu" }));
        await CheckAsync(admin, null, "indicators with errors", expectErrors: true);
        await CheckAsync(admin, "/admin/bao-cao/mau");
        await CheckAsync(admin, $"/admin/bao-cao/mau/{templateId}/sua");
        await CheckAsync(admin, $"/admin/bao-cao/mau/{templateId}/de-cuong");
        await CheckAsync(admin, $"/admin/bao-cao/mau/{templateId}/chi-tieu");

        // A unit answering: its list, its report with a wrong figure and an empty section, then submitted.
        var unit = await fixture.NewPageAsync();
        await fixture.SignInAsync(unit, Accounts.OtherDistrictCurator, CmsAppFactory.DemoPassword);
        await CheckAsync(unit, "/admin/bao-cao/cua-don-vi");
        await CheckAsync(unit, $"/admin/bao-cao/cua-don-vi/{roundId}");
        await ClickAndWaitAsync(unit, unit.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu báo cáo" }));
        await CheckAsync(unit, null, "report started");
        await unit.Locator("#value-tong-so-truong").FillAsync("mười hai");
        await ClickAndWaitAsync(unit, unit.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }));
        await CheckAsync(unit, null, "report with errors", expectErrors: true);
        await FillEverythingAsync(unit);
        await ClickAndWaitAsync(unit, unit.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }));
        await Assertions.Expect(unit.Locator(".round-state .report-state")).ToHaveTextAsync("Đã nộp");
        await CheckAsync(unit, null, "report submitted");

        // The owner's side: the board and the review, with the return refused for want of a reason.
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/tinh-hinh");
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/don-vi/{LuongSon}");
        await ClickAndWaitAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Trả lại", Exact = true }));
        await CheckAsync(admin, null, "review with errors", expectErrors: true);
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/don-vi/{LuongSon}/lich-su");
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/tong-hop");
        await CheckAsync(admin, $"/admin/bao-cao/{roundId}/de-nghi-khen-thuong");
        await CheckAsync(admin, "/admin/duyet");
        await CheckAsync(unit, $"/admin/bao-cao/cua-don-vi/{roundId}/lich-su");

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    /// <summary>Goes to the address (or checks the page as it is) at each width.</summary>
    private async Task CheckAsync(IPage page, string? url, string? what = null, bool expectErrors = false)
    {
        if (url is not null)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Status == 200, $"{url} answered {response.Status}.");
        }

        var name = what is null ? new Uri(page.Url).AbsolutePath : $"{new Uri(page.Url).AbsolutePath} ({what})";
        if (expectErrors)
        {
            await CheckErrorsAsync(page, name);
        }

        var structure = await page.EvaluateAsync<string[]>("""
            () => {
                const out = [];
                const main = document.querySelector('main') ?? document.body;
                // Radio buttons and repeated check boxes are groups: a fieldset with its legend (or a named group).
                const names = {};
                for (const i of main.querySelectorAll('input[type=radio], input[type=checkbox]')) (names[i.name] ??= []).push(i);
                for (const [n, inputs] of Object.entries(names)) {
                    if (inputs.length < 2 && inputs[0].type !== 'radio') continue;
                    const group = inputs[0].closest('fieldset, [role=group], [role=radiogroup]');
                    const named = group && (group.tagName === 'FIELDSET' ? group.querySelector(':scope > legend')?.textContent.trim() : (group.getAttribute('aria-label') || group.getAttribute('aria-labelledby')));
                    if (!named) out.push(`the choices "${n}" are not in a fieldset with a legend`);
                }
                // Data tables: a caption and every header cell's scope.
                for (const t of main.querySelectorAll('table')) {
                    if (!t.caption || !t.caption.textContent.trim()) out.push(`table.${t.className} has no caption`);
                    for (const th of t.querySelectorAll('th')) if (!th.getAttribute('scope')) out.push(`table.${t.className}: header "${th.textContent.trim().slice(0, 30)}" has no scope`);
                }
                return out;
            }
            """);
        _failures.AddRange(structure.Select(p => $"{name}: {p}"));

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
                // The elements sticking out, outermost first, skipping what is inside a scrolling container.
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
                        .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; } return true; })
                        .slice(0, 6).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} right ${e.getBoundingClientRect().right.toFixed(1)}`)
                    """);
                _failures.Add($"{name} @ {width}px: the page is {overflow}px wider than the window (horizontal scroll, WCAG 1.4.10): {string.Join(", ", wide)}");
            }

            output.WriteLine($"{name} @ {width}px: {result.Violations.Length} violations, {result.Passes.Length} rules passed, overflow {overflow}px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>The form came back with errors: a summary, and every control in error marked and tied to its message.</summary>
    private async Task CheckErrorsAsync(IPage page, string name)
    {
        var summary = page.Locator(".error-summary");
        if (await summary.CountAsync() == 0)
        {
            _failures.Add($"{name}: no error summary shown.");
            return;
        }

        var problems = await page.EvaluateAsync<string[]>("""
            () => {
                const out = [];
                const messages = [...document.querySelectorAll('.field-error')].filter(m => m.id && m.textContent.trim());
                if (messages.length === 0) out.push('no message shown beside a field');
                for (const m of messages) {
                    const control = document.querySelector(`[aria-describedby~="${m.id}"]`);
                    if (!control) { out.push(`message #${m.id} is named by no control's aria-describedby`); continue; }
                    if (control.tagName !== 'FIELDSET' && control.getAttribute('aria-invalid') !== 'true') out.push(`${control.tagName.toLowerCase()}#${control.id} is not aria-invalid`);
                }
                for (const link of document.querySelectorAll('.error-summary a[href^="#"]')) {
                    if (!document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)))) out.push(`summary link ${link.getAttribute('href')} leads nowhere`);
                }
                return out;
            }
            """);
        _failures.AddRange(problems.Select(p => $"{name}: {p}"));
    }

    private static async Task ClickAndWaitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.cdA11yOldPage = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.cdA11yOldPage === undefined && document.readyState !== 'loading'");
    }

    private static async Task FillEverythingAsync(IPage page)
    {
        var sections = page.Locator("form.unit-report textarea");
        for (var i = 0; i < await sections.CountAsync(); i++)
        {
            await sections.Nth(i).FillAsync("Phòng đã thực hiện nội dung này theo kế hoạch.");
        }

        var values = page.Locator("form.unit-report input[id^='value-']");
        for (var i = 0; i < await values.CountAsync(); i++)
        {
            var key = (await values.Nth(i).GetAttributeAsync("id"))!["value-".Length..];
            await values.Nth(i).FillAsync(key switch
            {
                _ when key.StartsWith("ty-le-", StringComparison.Ordinal) => "75",
                "kinh-phi-xa-hoi-hoa" => "2,5",
                "da-to-chuc-so-ket" => "Có",
                "thoi-gian-so-ket" => "24/02/2023",
                _ => "3",
            });
        }
    }
}
