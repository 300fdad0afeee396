using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Licensing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>The licence box of an item page on a phone: the "copy" button copies the attribution text and says so; axe finds nothing.</summary>
public sealed class LicenseBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_teacher_copies_the_attribution_of_a_CC_BY_initiative_on_a_phone()
    {
        BrowserFixture.SkipUnlessAvailable();
        string path;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var items = (await scope.ServiceProvider.GetRequiredService<IContentQueryService>()
                .QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], PageSize = 100 })).Items
                .Where(i => i.Field("Initiative", "License")?["Text"]?.GetValue<string>() == LicenseCatalog.CcBy.Value).Take(1);
            path = (await scope.ServiceProvider.GetRequiredService<IContentDisplayBuilder>().BuildCardsAsync(items)).Single().Url;
        }

        var page = await fixture.NewPageAsync(phone: true);
        await page.SetViewportSizeAsync(320, 700);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = fixture.BaseUrl });
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await page.GotoAsync(path);

        var license = page.Locator("a[rel=license]");
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", await license.GetAttributeAsync("href"));
        var text = await page.GetByLabel("Thông tin ghi nguồn để sao chép").InputValueAsync();
        Assert.StartsWith("Tác giả: ", text);

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Sao chép", Exact = true });
        await copy.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".attribution-status")).ToHaveTextAsync("Đã sao chép");
        Assert.Equal(text, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        var box = await copy.BoundingBoxAsync();
        Assert.True(box is { Height: >= 24, Width: >= 24 });

        // Nothing in the licence box scrolls sideways at 320 px, and axe finds no WCAG 2.2 AA violation in it.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        var result = await page.Locator("section.license").RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.Empty(errors);
    }
}
