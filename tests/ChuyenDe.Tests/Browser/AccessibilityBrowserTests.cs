using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Search;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChuyenDe.Tests.Browser;

/// <summary>
/// Every public page type checked by axe-core (WCAG 2.2 A/AA rules) in Chromium at a desktop width and at 320 px (WCAG
/// 1.4.10: no horizontal scrolling), and what axe cannot see: a visible focus indicator, the size of the site's own
/// controls, reduced motion honoured, and the print view (no navigation, the page's address printed).
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>The public content types that have item pages; each is seeded by the demo recipe.</summary>
    private static readonly string[] ItemTypes = ["Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event", "OfficialDocument", "Page"];

    private async Task<IPage> PageAsync(int width, int height = 900, bool bypassCsp = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task<string> ItemPathAsync(string type)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var item = (await scope.ServiceProvider.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = 1 })).Items.Single();
        return "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
    }

    /// <summary>The pages checked, with the status each must answer.</summary>
    private async Task<List<(string Url, int Status)>> PublicPagesAsync()
    {
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>().CatchUpAsync();
        }

        var pages = new List<(string, int)>
        {
            ("/", 200), ("/kho-hoc-lieu?type=Initiative", 200),
            ("/tin-tuc", 200), ("/su-kien", 200), ("/sang-kien", 200), ("/san-pham-dien-hinh", 200), ("/mo-hinh-diem", 200),
            ("/tin-tuc/goc-phu-huynh", 200), ("/mo-hinh-diem?theme=theme-steam&level=level-truong", 200),
            ("/mo-hinh-diem?theme=theme-chuyen-doi-so&level=level-truong", 200),
            ("/don-vi", 200), ("/don-vi?q=ben+thanh", 200), ("/don-vi?q=zzzqqq", 200), ("/don-vi/truong-mn-ben-thanh", 200),
            ("/don-vi/phong-quan-1", 200), ("/don-vi/so-hcm", 200),
            ("/van-ban", 200), ("/van-ban?kind=doc-ke-hoach&year=2018", 200), ("/van-ban?issuer=phong-dam-ha&kind=doc-ke-hoach", 200),
            ("/tim-kiem?q=tre", 200), ("/tim-kiem?q=zzzqqq", 200), ("/khong-co-trang-nay", 404), ("/loi/500", 500),
        };
        foreach (var type in ItemTypes)
        {
            pages.Add((await ItemPathAsync(type), 200));
        }

        return pages;
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task Every_public_page_type_has_no_WCAG_2_2_AA_violations_and_no_horizontal_scroll(int width)
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await PageAsync(width);
        var failures = new List<string>();
        foreach (var (url, status) in await PublicPagesAsync())
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(status, response!.Status);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            });
            foreach (var violation in result.Violations)
            {
                failures.Add($"{url} @ {width}px: {violation.Id} ({violation.Impact}) {violation.Help}");
                foreach (var node in violation.Nodes.Take(5))
                {
                    failures.Add($"    {node.Target}: {node.Html[..Math.Min(200, node.Html.Length)]}");
                }
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
                        .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} right ${e.getBoundingClientRect().right.toFixed(1)}`)
                    """);
                failures.Add($"{url} @ {width}px: the page is {overflow}px wider than the window (horizontal scroll, WCAG 1.4.10): {string.Join(", ", wide)}");
            }

            output.WriteLine($"{url} @ {width}px: {result.Violations.Length} violations, {result.Passes.Length} rules passed, overflow {overflow}px");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task Tabbing_through_the_first_controls_shows_a_visible_focus_indicator_on_each(int width)
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await PageAsync(width);
        await page.GotoAsync("/kho-hoc-lieu?type=Initiative");
        var seen = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusStyle>("""
                () => {
                    const e = document.activeElement;
                    const s = getComputedStyle(e);
                    const r = e.getBoundingClientRect();
                    return { tag: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.getAttribute('name') || '').replace(/\s+/g, ' ').trim().slice(0, 30),
                             outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow,
                             width: r.width, height: r.height, inViewport: r.bottom > 0 && r.right > 0 && r.left < innerWidth };
                }
                """);
            seen.Add(focus.Tag);
            var outlined = focus.OutlineStyle != "none" && focus.OutlineWidth >= 2;
            var shadowed = focus.BoxShadow is { Length: > 0 } shadow && shadow != "none";
            Assert.True(outlined || shadowed, $"Focus on '{focus.Tag}' (tab {i + 1}) has no visible indicator: outline {focus.OutlineStyle} {focus.OutlineWidth}px, box-shadow {focus.BoxShadow}.");
            Assert.True(focus.Width > 0 && focus.Height > 0 && focus.InViewport, $"The focused '{focus.Tag}' (tab {i + 1}) is not on screen.");
        }

        output.WriteLine(string.Join("\n", seen));
        Assert.Contains(seen, t => t.StartsWith("input#tim-nhanh", StringComparison.Ordinal));
        Assert.Contains(seen, t => t.StartsWith("button", StringComparison.Ordinal));
        Assert.Contains(seen, t => t.StartsWith("a", StringComparison.Ordinal));
    }

    private sealed class FocusStyle
    {
        public string Tag { get; set; } = "";
        public string OutlineStyle { get; set; } = "";
        public double OutlineWidth { get; set; }
        public string BoxShadow { get; set; } = "";
        public double Width { get; set; }
        public double Height { get; set; }
        public bool InViewport { get; set; }
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task The_sites_own_controls_are_at_least_24_by_24_pixels(int width)
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await PageAsync(width);
        var failures = new List<string>();
        foreach (var url in new[] { "/kho-hoc-lieu?type=Initiative", "/sang-kien", "/su-kien", await ItemPathAsync("Event") })
        {
            await page.GotoAsync(url);
            // The layout's controls, the filters, buttons and pager; links inside running text (cards' titles, item bodies)
            // are inline targets, which WCAG 2.5.8 exempts.
            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll(
                    '.site-header a, .site-header input, .site-header button, .site-footer a, .filters input, .filters button, .filters a, .filters summary, .button, .pager a, .event-ics a, .event-subscribe a, .facets summary, details > summary')]
                    .filter(e => e.getClientRects().length > 0 && !e.classList.contains('skip-link'))
                    .map(e => [e, e.getBoundingClientRect()])
                    .filter(([, r]) => r.width < 24 || r.height < 24)
                    .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className} '${(e.textContent || e.name || '').trim().slice(0, 30)}' ${r.width.toFixed(1)}x${r.height.toFixed(1)}`)
                """);
            failures.AddRange(small.Select(s => $"{url} @ {width}px: {s}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task With_reduced_motion_asked_for_transitions_animations_and_smooth_scrolling_are_off()
    {
        BrowserFixture.SkipUnlessAvailable();
        // The test adds a stylesheet of its own, which the site's Content-Security-Policy (style-src 'self') would refuse.
        var page = await PageAsync(1280, bypassCsp: true);
        // The site animates nothing today; a module's stylesheet that adds a transition and smooth scrolling is what the
        // reduced-motion rule has to neutralise.
        const string Motion = "html { scroll-behavior: smooth; } .site-nav a { transition: background-color .4s ease; } .brand-mark { animation: spin 2s infinite; } @keyframes spin { to { transform: rotate(1turn); } }";

        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        await page.GotoAsync("/");
        await page.AddStyleTagAsync(new() { Content = Motion });
        Assert.Equal("0.4s", await page.Locator(".site-nav a").First.EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));

        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        Assert.Equal("0s", await page.Locator(".site-nav a").First.EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));
        Assert.Equal("0s", await page.Locator(".brand-mark").EvaluateAsync<string>("e => getComputedStyle(e).animationDuration"));
        Assert.Equal("auto", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));
    }

    [SkippableTheory]
    [InlineData("Article")]
    [InlineData("Initiative")]
    [InlineData("Event")]
    public async Task An_item_printed_has_no_navigation_and_shows_its_address(string type)
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await PageAsync(1280);
        var path = await ItemPathAsync(type);
        await page.GotoAsync(path);
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        Assert.EndsWith(path, canonical, StringComparison.Ordinal);
        var address = page.Locator(".print-address");
        Assert.False(await address.IsVisibleAsync(), "The printed address shows on screen.");
        Assert.True(await page.Locator(".site-nav").IsVisibleAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-nav").IsVisibleAsync(), "The main menu is printed.");
        Assert.False(await page.Locator(".header-search").IsVisibleAsync(), "The search box is printed.");
        Assert.False(await page.Locator(".footer-links").IsVisibleAsync(), "The footer links are printed.");
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.True(await address.IsVisibleAsync(), "The page's address is not printed.");
        Assert.Contains(canonical!, await address.InnerTextAsync(), StringComparison.Ordinal);
    }
}
