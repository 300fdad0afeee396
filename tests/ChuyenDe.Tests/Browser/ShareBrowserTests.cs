using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>"Copy link" and the Zalo link of an item page copy its address and say so in Vietnamese.</summary>
public sealed class ShareBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_parent_copies_the_link_of_a_news_item_by_mouse_and_by_keyboard_and_hears_it_was_copied()
    {
        BrowserFixture.SkipUnlessAvailable();
        string path;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var items = (await scope.ServiceProvider.GetRequiredService<IContentQueryService>()
                .QueryAsync(new ContentQuery { ContentTypes = ["Article"], PageSize = 1 })).Items;
            path = (await scope.ServiceProvider.GetRequiredService<IContentDisplayBuilder>().BuildCardsAsync(items)).Single().Url;
        }

        var page = await fixture.NewPageAsync(phone: true);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = fixture.BaseUrl });
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(path);
        var status = page.Locator(".share-status");
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sao chép liên kết", Exact = true }).ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(status).ToHaveTextAsync("Đã sao chép liên kết.");
        Assert.Equal(fixture.BaseUrl + path, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal(fixture.BaseUrl + path, page.Url); // stayed on the page

        // Zalo, from the keyboard: focused and activated with Space like a button.
        await page.EvaluateAsync("() => navigator.clipboard.writeText('')");
        var zalo = page.GetByRole(AriaRole.Button, new() { Name = "Chia sẻ qua Zalo (sao chép liên kết)" });
        await zalo.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Microsoft.Playwright.Assertions.Expect(status).ToContainTextAsync("Zalo");
        Assert.Equal(fixture.BaseUrl + path, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // Targets at least 24 px.
        foreach (var link in await page.Locator(".share-link, .breadcrumbs a").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box is { Height: >= 24, Width: >= 24 }, $"{await link.InnerTextAsync()}: {box?.Width}×{box?.Height}");
        }

        Assert.Empty(errors);
    }
}
