using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Library.Units;
using ChuyenDe.Modules.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The extension point of the units' pages (<see cref="IUnitPageSection"/>, where the commendations will plug in): the
/// sections registered are rendered in their order after the unit's work, a section that has nothing is left out, and
/// the tags a section names evict the cached page.
/// </summary>
public sealed class UnitPageSectionsTests : IAsyncLifetime
{
    private const string Tag = "test-commendations";
    private readonly SqliteTestDatabase _database = new();
    private CmsAppFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new CmsAppFactory(_database, services: s =>
        {
            s.AddScoped<IUnitPageSection>(_ => new Section(20, "Phần thứ hai", withEntries: true));
            s.AddScoped<IUnitPageSection>(_ => new Section(10, "Phần thứ nhất", withEntries: true));
            s.AddScoped<IUnitPageSection>(_ => new Section(5, "Không có gì", withEntries: false));
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sections_render_in_order_after_the_work_and_their_tags_evict_the_page()
    {
        using var client = _factory!.CreateClient(new() { AllowAutoRedirect = false });
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/don-vi/truong-mn-ben-thanh"));

        var sections = page.QuerySelectorAll(".unit-extra").ToList();
        // The test's sections come first (orders 10 and 20); the real ones of the modules (Commendations, order 100) follow.
        Assert.Equal(["Phần thứ nhất", "Phần thứ hai"], sections.Take(2).Select(s => s.QuerySelector("h2")!.TextContent.Trim()));
        Assert.NotNull(sections[0].PreviousElementSibling);
        Assert.Contains("unit-work", sections[0].PreviousElementSibling!.ClassList);
        var entry = sections[1].QuerySelector("li")!;
        Assert.Equal("/guong-dien-hinh/truong-mn-ben-thanh", entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Trường Mầm non Bến Thành", entry.TextContent);
        Assert.Equal("/guong-dien-hinh", sections[1].QuerySelector(".section-head a")!.GetAttribute("href"));
        Assert.DoesNotContain("Không có gì", page.Body!.TextContent);

        using (var cached = await client.GetAsync("/don-vi/truong-mn-ben-thanh"))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        await _factory.Services.GetRequiredService<IPageCacheEvictor>().EvictAsync(Tag);
        using var fresh = await client.GetAsync("/don-vi/truong-mn-ben-thanh");
        Assert.Null(fresh.Headers.Age);
    }

    private sealed class Section(int order, string title, bool withEntries) : IUnitPageSection
    {
        public int Order => order;

        public Task<UnitPageSection?> BuildAsync(UnitPageContext unit, CancellationToken ct = default)
            => Task.FromResult(withEntries
                ? new UnitPageSection(title, [new UnitPageSectionEntry("Bằng khen", "/guong-dien-hinh/" + unit.Unit.Id, unit.Unit.Name)])
                {
                    MoreUrl = "/guong-dien-hinh",
                    CacheTags = [Tag],
                }
                : null);
    }
}
