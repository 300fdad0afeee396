using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library;

public sealed record FilterOption(string Value, string Text, int Count, bool Selected);

public sealed record FilterGroup(string Name, string Label, IReadOnlyList<FilterOption> Options);

public sealed record ListPageView(string Title, string? Intro, IReadOnlyList<ContentCard> Cards, PagerView Pager)
{
    public string? Query { get; init; }
    public IReadOnlyList<FilterGroup> Filters { get; init; } = [];
    public bool ShowFilters { get; init; }
}

public sealed record HomeView(
    IReadOnlyList<ContentCard> News,
    IReadOnlyList<ContentCard> Exemplary,
    IReadOnlyList<ContentCard> ModelSites,
    IReadOnlyList<ContentCard> Initiatives,
    IReadOnlyList<ContentCard> Events,
    IReadOnlyDictionary<string, int> Counts);

/// <summary>The public site: home, the library, lists per type, item pages at their routes, error pages.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class SiteController(
    IContentQueryService queries,
    IContentDisplayBuilder display,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    CuratedLists curated,
    IStringLocalizer<LibraryResources> T) : Controller
{
    /// <summary>The types the public library lists.</summary>
    public static readonly string[] LibraryTypes = ["Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event"];

    [HttpGet("/")]
    public async Task<IActionResult> Home(CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Listings, CacheTags.Curations, CacheTags.Organizations);
        await curated.PreloadAsync([CurationKinds.Exemplary, CurationKinds.ModelSite], ct);
        async Task<IReadOnlyList<ContentCard>> Latest(string type, int count)
            => await display.BuildCardsAsync((await queries.QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = count, CountTotal = false }, ct)).Items, ct);

        return View(new HomeView(
            await Latest("Article", 4),
            await HomeCuratedAsync("ExemplaryProduct", CurationKinds.Exemplary, 4, ct),
            await HomeCuratedAsync("ModelSite", CurationKinds.ModelSite, 4, ct),
            await Latest("Initiative", 6),
            await Latest("Event", 3),
            await HomeCountsAsync(ct)));
    }

    /// <summary>
    /// The library: the search of <see cref="Search.ISearchService"/> over the library's types, with the same filters
    /// and parameters as <c>/tim-kiem</c> (<c>q</c>, <c>type</c>, <c>term</c>, <c>district</c>, <c>org</c>,
    /// <c>exemplary</c>, <c>sort</c>, <c>page</c>), shown as cards.
    /// </summary>
    [HttpGet("/kho-hoc-lieu")]
    public async Task<IActionResult> Library(CancellationToken ct = default)
    {
        PageCache.Tag(HttpContext, CacheTags.SearchResults, CacheTags.Terms, CacheTags.Organizations, CacheTags.Curations);
        var builder = ActivatorUtilities.CreateInstance<Search.SearchPageBuilder>(HttpContext.RequestServices, taxonomies, definitions);
        var view = await builder.BuildAsync(Request.Query, new Search.SearchPageOptions("/kho-hoc-lieu", T["Shared learning-resource library"],
            T["Initiatives, exemplary products, model sites, news and events of the topic, for everyone to read and reuse."])
        {
            AllowedTypes = LibraryTypes,
            RestrictToAllowedTypes = true,
        }, ct);
        var items = await queries.GetPublishedAsync(view.Hits.Select(h => h.Hit.ContentItemId), ct);
        ViewData["Cards"] = (await display.BuildCardsAsync(items, ct)).ToDictionary(c => c.ContentItemId, StringComparer.Ordinal);
        ViewData["Canonical"] = PublicAddresses.Canonical("/kho-hoc-lieu", Request.Query, "q", "type", "term", "district", "org", "exemplary", "sort", "page");
        return View("~/Search/Views/Search/Library.cshtml", view);
    }

    [HttpGet("/sang-kien")]
    public Task<IActionResult> Initiatives(int page = 1, CancellationToken ct = default)
        => TypeListAsync("Initiative", "/sang-kien", T["Initiatives"], T["Practices and solutions written up by schools and teachers."], page, ct);

    /// <summary>Published exemplary products and published items with an active exemplary curation, newest first.</summary>
    [HttpGet("/san-pham-dien-hinh")]
    public Task<IActionResult> ExemplaryProducts(int page = 1, CancellationToken ct = default)
        => CuratedListAsync("ExemplaryProduct", CurationKinds.Exemplary, "/san-pham-dien-hinh", T["Exemplary products"], T["Products the Department selected for dissemination and replication."], page, ct);

    /// <summary>Published model sites and published items with an active model-site designation, newest first.</summary>
    [HttpGet("/mo-hinh-diem")]
    public Task<IActionResult> ModelSites(int page = 1, CancellationToken ct = default)
        => CuratedListAsync("ModelSite", CurationKinds.ModelSite, "/mo-hinh-diem", T["Model sites"], T["Schools designated as model sites for a theme, open for study visits."], page, ct);

    private const int CuratedPageSize = 12;

    private async Task<IActionResult> CuratedListAsync(string type, string kind, string baseUrl, string title, string intro, int page, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(type), CacheTags.Listings, CacheTags.Curations, CacheTags.Organizations);
        page = Math.Max(page, 1);
        var (entries, total) = await curated.FirstAsync(type, kind, page * CuratedPageSize, CuratedPageSize, ct);
        var slice = entries.Skip((page - 1) * CuratedPageSize).Take(CuratedPageSize).ToList();
        if (page > 1 && slice.Count == 0)
        {
            return NotFound();
        }

        var pageCount = PagedResult.PageCount(total, CuratedPageSize);
        return View("List", new ListPageView(title, intro, await CuratedCardsAsync(slice, ct),
            new PagerView(page, pageCount, total, p => p > 1 ? $"{baseUrl}?page={p}" : baseUrl)));
    }

    /// <summary>The featured curations in their order, then the latest of the merged list.</summary>
    private async Task<IReadOnlyList<ContentCard>> HomeCuratedAsync(string type, string kind, int count, CancellationToken ct)
        => await CuratedCardsAsync(await curated.FeaturedFirstAsync(type, kind, count, ct), ct);

    /// <summary>Published items per type; exemplary products and model sites count the items curated as such too.</summary>
    private async Task<IReadOnlyDictionary<string, int>> HomeCountsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(await queries.CountPublishedByTypeAsync(ct), StringComparer.Ordinal);
        foreach (var (type, kind) in new[] { ("ExemplaryProduct", CurationKinds.Exemplary), ("ModelSite", CurationKinds.ModelSite) })
        {
            var extra = await curated.ExtraCountAsync(type, kind, ct);
            if (extra > 0)
            {
                counts[type] = counts.GetValueOrDefault(type) + extra;
            }
        }

        return counts;
    }

    private async Task<IReadOnlyList<ContentCard>> CuratedCardsAsync(IReadOnlyList<CuratedEntry> entries, CancellationToken ct)
    {
        var cards = await display.BuildCardsAsync(entries.Select(e => e.Item), ct);
        return cards.Select((card, i) => card with { Badges = CurationBadges.Badges(entries[i].Curations, T).ToList() }).ToList();
    }

    [HttpGet("/tin-tuc")]
    public Task<IActionResult> News(int page = 1, CancellationToken ct = default)
        => TypeListAsync("Article", "/tin-tuc", T["News"], T["News of the topic for parents and the community."], page, ct);

    /// <summary>The Vietnamese error pages that status codes and unhandled exceptions are re-executed to.</summary>
    [Route("/loi/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int code)
    {
        code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = code;
        return code switch
        {
            404 => View("NotFound"),
            403 => View("Forbidden"),
            _ => View("Error", code),
        };
    }

    /// <summary>Any other address: the published item whose route it is, or 404.</summary>
    [HttpGet("{**path}", Order = int.MaxValue)]
    public async Task<IActionResult> Item(string? path, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 512)
        {
            return NotFound();
        }

        var item = await queries.GetPublishedByPathAsync(path, ct);
        if (item is null)
        {
            return NotFound();
        }

        PageCache.Tag(HttpContext, CacheTags.Item(item.ContentItemId), CacheTags.Terms, CacheTags.Organizations);

        return View("Item", await display.BuildDetailAsync(item, ct));
    }

    private async Task<IActionResult> TypeListAsync(string type, string baseUrl, string title, string intro, int page, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(type), CacheTags.Organizations);
        var result = await queries.QueryAsync(new ContentQuery { ContentTypes = [type], Page = page, PageSize = 12 }, ct);
        if (page > 1 && result.Items.Count == 0)
        {
            return NotFound();
        }

        return View("List", new ListPageView(title, intro, await display.BuildCardsAsync(result.Items, ct),
            new PagerView(result.Page, result.PageCount, result.Total, p => p > 1 ? $"{baseUrl}?page={p}" : baseUrl)));
    }
}
