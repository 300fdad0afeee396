using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NewsCategories = ChuyenDe.Modules.Library.News.NewsCategories;
using NewsCategory = ChuyenDe.Modules.Library.News.NewsCategory;

namespace ChuyenDe.Modules.Library;

public sealed record FilterOption(string Value, string Text, int Count, bool Selected);

public sealed record FilterGroup(string Name, string Label, IReadOnlyList<FilterOption> Options);

public sealed record ListPageView(string Title, string? Intro, IReadOnlyList<ContentCard> Cards, PagerView Pager)
{
    public string? Query { get; init; }
    public IReadOnlyList<FilterGroup> Filters { get; init; } = [];
    public bool ShowFilters { get; init; }

    /// <summary>The steps between the home and this page (none: directly below the home).</summary>
    public IReadOnlyList<Crumb> Crumbs { get; init; } = [];

    /// <summary>Pages of the list's parts (the news categories), shown above the list; the current one is marked.</summary>
    public IReadOnlyList<Crumb> Sections { get; init; } = [];

    /// <summary>A small filter form of drop-down lists (the model sites' theme and level), sent by GET to the page itself.</summary>
    public IReadOnlyList<FilterGroup> SelectFilters { get; init; } = [];

    /// <summary>The page's own feed (its RSS address; Atom at <c>…/atom</c>) when it is not one of the lists'.</summary>
    public string? FeedPath { get; init; }
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
    PublicAddresses addresses,
    IStringLocalizer<LibraryResources> T) : Controller
{
    // The services only some pages use are resolved when used: every request (the item pages, the 404 page) would
    // otherwise build all of them, each with its own dependencies, for nothing.
    private CardModels? _cardModels;
    private ITaxonomyService? _taxonomies;
    private CuratedLists? _curated;
    private NewsCategories? _newsCategories;
    private ItemPageModels? _itemPages;

    private CardModels CardModels => _cardModels ??= HttpContext.RequestServices.GetRequiredService<CardModels>();
    private ITaxonomyService Taxonomies => _taxonomies ??= HttpContext.RequestServices.GetRequiredService<ITaxonomyService>();
    private CuratedLists Curated => _curated ??= HttpContext.RequestServices.GetRequiredService<CuratedLists>();
    private NewsCategories Categories => _newsCategories ??= HttpContext.RequestServices.GetRequiredService<NewsCategories>();
    private ItemPageModels ItemPages => _itemPages ??= HttpContext.RequestServices.GetRequiredService<ItemPageModels>();

    /// <summary>The types the public library lists.</summary>
    public static readonly string[] LibraryTypes = ["Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event"];

    [HttpGet("/")]
    public async Task<IActionResult> Home()
    {
        // No action parameters (also below for the library, item and error pages): an action without any skips model
        // binding, whose value providers (route, query, form) cost every request more than the lookups they would save.
        var ct = HttpContext.RequestAborted;
        PageCache.Tag(HttpContext, CacheTags.Listings, CacheTags.Curations, CacheTags.Organizations);
        await Curated.PreloadAsync([CurationKinds.Exemplary, CurationKinds.ModelSite], ct);
        async Task<IReadOnlyList<ContentCard>> Latest(string type, int count)
            => await CardModels.GetAsync((await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [type], PageSize = count, CountTotal = false }, ct)).Items, ct);

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
    public async Task<IActionResult> Library()
    {
        var ct = HttpContext.RequestAborted;
        PageCache.Tag(HttpContext, CacheTags.SearchResults, CacheTags.Terms, CacheTags.Organizations, CacheTags.Curations);
        // The request's builder (a scoped service): no reflection per request.
        var view = await HttpContext.RequestServices.GetRequiredService<Search.SearchPageBuilder>().BuildAsync(Request.Query, new Search.SearchPageOptions("/kho-hoc-lieu", T["Shared learning-resource library"],
            T["Initiatives, exemplary products, model sites, news and events of the topic, for everyone to read and reuse."])
        {
            AllowedTypes = LibraryTypes,
            RestrictToAllowedTypes = true,
        }, ct);
        var items = await queries.GetPublishedAsync(view.Hits.Select(h => h.Hit.ContentItemId), ct);
        ViewData["Cards"] = (await CardModels.GetAsync(items, ct)).ToDictionary(c => c.ContentItemId, StringComparer.Ordinal);
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
    /// <remarks>
    /// Filterable by the model site's theme (<c>theme</c>) and level (<c>level</c>), term ids of their taxonomies; a value
    /// that is no term of them is ignored. Items of other types curated as model sites are listed when they choose the terms too.
    /// </remarks>
    [HttpGet("/mo-hinh-diem")]
    public async Task<IActionResult> ModelSites(string? theme = null, string? level = null, int page = 1, CancellationToken ct = default)
    {
        PageCache.Tag(HttpContext, CacheTags.Terms);
        var themes = await Taxonomies.GetTaxonomyAsync(ModelSiteThemesTaxonomy, ct);
        var levels = await Taxonomies.GetTaxonomyAsync(LevelsTaxonomy, ct);
        theme = themes?.Find(theme ?? "")?.ContentItemId;
        level = levels?.Find(level ?? "")?.ContentItemId;
        var query = new List<string>();
        if (theme is not null)
        {
            query.Add("theme=" + Uri.EscapeDataString(theme));
        }

        if (level is not null)
        {
            query.Add("level=" + Uri.EscapeDataString(level));
        }

        IReadOnlyList<FilterOption> Options(Taxonomy? taxonomy, string? selected)
            => (taxonomy?.Terms ?? []).Select(t => new FilterOption(t.ContentItemId, t.Title, 0, t.ContentItemId == selected)).ToList();

        var termGroups = new List<IReadOnlyCollection<string>>();
        foreach (var chosen in new[] { theme, level }.OfType<string>())
        {
            termGroups.Add([chosen]);
        }

        var result = await CuratedListAsync("ModelSite", CurationKinds.ModelSite, "/mo-hinh-diem", query, T["Model sites"],
            T["Schools designated as model sites for a theme, open for study visits."], page, termGroups, ct);
        if (result is ViewResult { Model: ListPageView view } shown)
        {
            shown.ViewData.Model = view with
            {
                SelectFilters =
                [
                    new FilterGroup("theme", T["Theme"], Options(themes, theme)),
                    new FilterGroup("level", T["Level"], Options(levels, level)),
                ],
            };
        }

        return result;
    }

    /// <summary>The taxonomies of the ModelSite type's <c>Theme</c> and <c>Level</c> fields (recipes/chuyende.recipe.json).</summary>
    public const string ModelSiteThemesTaxonomy = "tax-model-site-themes";

    /// <inheritdoc cref="ModelSiteThemesTaxonomy"/>
    public const string LevelsTaxonomy = "tax-levels";

    private const int CuratedPageSize = 12;

    private Task<IActionResult> CuratedListAsync(string type, string kind, string baseUrl, string title, string intro, int page, CancellationToken ct)
        => CuratedListAsync(type, kind, baseUrl, [], title, intro, page, [], ct);

    /// <param name="filters">The list's filters as query parameters (<c>theme=…</c>), in the canonical order; paging keeps them.</param>
    private async Task<IActionResult> CuratedListAsync(string type, string kind, string baseUrl, IReadOnlyList<string> filters,
        string title, string intro, int page, IReadOnlyCollection<IReadOnlyCollection<string>> termGroups, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(type), CacheTags.Listings, CacheTags.Curations, CacheTags.Organizations);
        page = Math.Max(page, 1);
        var (entries, total) = await Curated.FirstAsync(type, kind, page * CuratedPageSize, CuratedPageSize, termGroups, ct);
        var slice = entries.Skip((page - 1) * CuratedPageSize).Take(CuratedPageSize).ToList();
        if (page > 1 && slice.Count == 0)
        {
            return NotFound();
        }

        var pageCount = PagedResult.PageCount(total, CuratedPageSize);
        return View("List", new ListPageView(title, intro, await CuratedCardsAsync(slice, ct),
            new PagerView(page, pageCount, total, p => PageUrl(baseUrl, filters, p))));
    }

    /// <summary>A list's address with its filters (in their order) and the page number after them (none for page 1).</summary>
    private static string PageUrl(string baseUrl, IReadOnlyList<string> filters, int page)
    {
        var query = page > 1 ? [.. filters, "page=" + page] : filters;
        return query.Count == 0 ? baseUrl : baseUrl + "?" + string.Join('&', query);
    }

    /// <summary>The featured curations in their order, then the latest of the merged list.</summary>
    private async Task<IReadOnlyList<ContentCard>> HomeCuratedAsync(string type, string kind, int count, CancellationToken ct)
        => await CuratedCardsAsync(await Curated.FeaturedFirstAsync(type, kind, count, ct), ct);

    /// <summary>Published items per type; exemplary products and model sites count the items curated as such too.</summary>
    private async Task<IReadOnlyDictionary<string, int>> HomeCountsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(await queries.CountPublishedByTypeAsync(ct), StringComparer.Ordinal);
        foreach (var (type, kind) in new[] { ("ExemplaryProduct", CurationKinds.Exemplary), ("ModelSite", CurationKinds.ModelSite) })
        {
            var extra = await Curated.ExtraCountAsync(type, kind, ct);
            if (extra > 0)
            {
                counts[type] = counts.GetValueOrDefault(type) + extra;
            }
        }

        return counts;
    }

    private async Task<IReadOnlyList<ContentCard>> CuratedCardsAsync(IReadOnlyList<CuratedEntry> entries, CancellationToken ct)
    {
        var cards = await CardModels.GetAsync(entries.Select(e => e.Item), ct);
        return cards.Select((card, i) => card with { Badges = CurationBadges.Badges(entries[i].Curations, T).ToList() }).ToList();
    }

    [HttpGet("/tin-tuc")]
    public async Task<IActionResult> News(int page = 1, CancellationToken ct = default)
    {
        PageCache.Tag(HttpContext, CacheTags.Terms);
        var result = await TypeListAsync("Article", "/tin-tuc", T["News"], T["News of the topic for parents and the community."], page, ct);
        return await WithNewsCategoriesAsync(result, null, ct);
    }

    /// <summary>
    /// A news category's page (<c>/tin-tuc/goc-phu-huynh</c>): its published articles, newest first. Any other address
    /// of the form <c>/tin-tuc/{slug}</c> is an item's (an article's) address and answered as such.
    /// </summary>
    [HttpGet("/tin-tuc/{category}"), ReservesExactPath]
    public async Task<IActionResult> NewsCategory(string category, int page = 1, CancellationToken ct = default)
    {
        if (await Categories.FindAsync(category, ct) is not { } found)
        {
            return await ItemAsync(NewsCategories.ListPath + "/" + category, ct);
        }

        PageCache.Tag(HttpContext, CacheTags.Terms);
        var result = await TypeListAsync("Article", found.Path, found.Title,
            found.Term.Description ?? T["News of the topic for parents and the community."], page, [[found.Term.ContentItemId]], ct);
        if (result is ViewResult { Model: ListPageView view } shown)
        {
            shown.ViewData.Model = view with
            {
                Crumbs = [new Crumb(T["News"], "/" + NewsCategories.ListPath)],
                FeedPath = found.Path + "/feed",
            };
        }

        return await WithNewsCategoriesAsync(result, found, ct);
    }

    /// <summary>Adds the links to the news categories to a news list's page.</summary>
    private async Task<IActionResult> WithNewsCategoriesAsync(IActionResult result, NewsCategory? current, CancellationToken ct)
    {
        if (result is ViewResult { Model: ListPageView view } shown)
        {
            shown.ViewData.Model = view with { Sections = (await Categories.ListAsync(ct)).Select(c => new Crumb(c.Title, c.Path)).ToList() };
            shown.ViewData["CurrentSection"] = current?.Path;
        }

        return result;
    }

    /// <summary>The Vietnamese error pages that status codes and unhandled exceptions are re-executed to.</summary>
    [Route("/loi/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        // The route's constraint made it digits; read, not bound (see Home).
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 400 and <= 599 ? value : 404;
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
    public Task<IActionResult> Item() => ItemAsync(RouteData.Values["path"] as string, HttpContext.RequestAborted);

    private async Task<IActionResult> ItemAsync(string? path, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 512)
        {
            return NotFoundPage();
        }

        var item = await queries.GetPublishedByPathAsync(path, ct);
        if (item is null)
        {
            return NotFoundPage();
        }

        PageCache.MarkItemPage(HttpContext, item.ContentItemId);

        // The display model, schema.org node and rendered article of a published version are kept (tagged with what they
        // show) and made again after a change of it; the page around them is put together per request.
        var page = await ItemPages.GetAsync(HttpContext, item, ct);
        StructuredData.JsonLd.AddWritten(ViewData, page.StructuredData);
        ViewData[ItemPageModels.FragmentKeyViewData] = page.FragmentKey;
        ViewData[ItemPageModels.FragmentTagsViewData] = page.Tags;
        if (StructuredData.OaiRecords.ContentTypes.Contains(item.ContentType))
        {
            ViewData[StructuredData.OaiRecords.ViewDataKey] = StructuredData.OaiRecords.GetRecordPath(addresses.HostName, item.ContentItemId);
        }

        return View("Item", page.Detail);
    }

    /// <summary>
    /// The Vietnamese "page not found" page of an address that is no published item's, rendered here rather than by
    /// re-executing the request at <c>/loi/404</c> (which would run the pipeline and MVC a second time). Addresses of
    /// the back office keep the re-execution, so that they never get its layout.
    /// </summary>
    private IActionResult NotFoundPage()
    {
        if (Request.Path.StartsWithSegments("/admin"))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }

    private Task<IActionResult> TypeListAsync(string type, string baseUrl, string title, string intro, int page, CancellationToken ct)
        => TypeListAsync(type, baseUrl, title, intro, page, null, ct);

    private async Task<IActionResult> TypeListAsync(string type, string baseUrl, string title, string intro, int page,
        IReadOnlyCollection<IReadOnlyCollection<string>>? termGroups, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(type), CacheTags.Organizations);
        var result = await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [type], Page = page, PageSize = 12, TermGroups = termGroups ?? [] }, ct);
        if (page > 1 && result.Items.Count == 0)
        {
            return NotFound();
        }

        return View("List", new ListPageView(title, intro, await CardModels.GetAsync(result.Items, ct),
            new PagerView(result.Page, result.PageCount, result.Total, p => p > 1 ? $"{baseUrl}?page={p}" : baseUrl)));
    }
}
