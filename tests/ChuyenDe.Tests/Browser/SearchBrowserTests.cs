using ChuyenDe.Modules.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChuyenDe.Tests.Browser;

/// <summary>The search box on a phone: suggestions while typing without tone marks, chosen with the keyboard.</summary>
public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_parent_types_without_tone_marks_picks_a_suggestion_with_the_keyboard_and_sees_highlighted_results_on_a_phone()
    {
        BrowserFixture.SkipUnlessAvailable();
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>().CatchUpAsync();
        }

        var page = await fixture.NewPageAsync(phone: true);
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/tim-kiem");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Từ khoá tìm kiếm" });
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        await box.ClickAsync();
        await box.PressSequentiallyAsync("doi moi gio", new() { Delay = 60 });

        var listbox = page.GetByRole(AriaRole.Listbox);
        var option = listbox.GetByRole(AriaRole.Option, new() { Name = "Đổi mới giờ ăn cho trẻ" });
        await option.WaitForAsync();
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        Assert.Equal(await listbox.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-controls"));

        // Arrow down until the suggestion is the active one, then Enter. (The list may still be replaced by the answer to
        // a later keystroke on a busy machine, so the presses are counted against the list as it is, not as it was.)
        for (var presses = 0; presses < 12 && await option.GetAttributeAsync("aria-selected") != "true"; presses++)
        {
            await box.PressAsync("ArrowDown");
        }

        Assert.Equal("true", await option.GetAttributeAsync("aria-selected"));
        Assert.Equal(await option.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("doi moi gio", await box.InputValueAsync());
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("/tim-kiem?q=", StringComparison.Ordinal) && url.Contains("%C4%90", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Đổi mới giờ ăn cho trẻ", await page.Locator("input#q").InputValueAsync());
        var first = page.Locator(".hit").First;
        Assert.Equal("Đổi mới giờ ăn cho trẻ", (await first.Locator(".hit-title").InnerTextAsync()).Trim());
        var marks = await page.Locator(".hit-snippet mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.True(await page.Locator(".hit-snippet mark").First.IsVisibleAsync());
        Assert.StartsWith("Tìm thấy", (await page.Locator(".results-count").InnerTextAsync()).Trim());

        // Nothing is wider than the phone, and the filters wait folded below the results.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone.");
        Assert.False(await page.Locator("details.facets").EvaluateAsync<bool>("d => d.open"));
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task Escape_closes_the_suggestions_and_the_box_still_submits_what_was_typed()
    {
        BrowserFixture.SkipUnlessAvailable();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tìm trong kho học liệu" });
        await box.PressSequentiallyAsync("dam ha", new() { Delay = 60 });
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option).First.WaitForAsync();

        await box.PressAsync("Escape");
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.False(await page.GetByRole(AriaRole.Listbox).IsVisibleAsync());
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("/tim-kiem?q=dam+ha", StringComparison.Ordinal));
        Assert.Contains("Trường Mầm non Đàm Hà – phối hợp với cha mẹ trẻ và cộng đồng", await page.Locator(".hit-title").AllInnerTextsAsync());
    }
}
