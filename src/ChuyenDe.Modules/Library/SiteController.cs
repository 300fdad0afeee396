using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library;

public sealed record PagerView(int Page, int PageCount, int Total, Func<int, string> UrlForPage);

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
public sealed class SiteController(
    IContentQueryService queries,
    IContentDisplayBuilder display,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    IStringLocalizer<LibraryResources> T) : Controller
{
    /// <summary>The types the public library lists.</summary>
    public static readonly string[] LibraryTypes = ["Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event"];

    private static readonly (string Taxonomy, string Parameter)[] LibraryFacets =
    [
        ("tax-criteria", "term"), ("tax-age-groups", "term"), ("tax-development-areas", "term"), ("tax-levels", "term"),
        ("tax-school-years", "term"), ("tax-resource-kinds", "term"), ("tax-model-site-themes", "term"),
    ];

    [HttpGet("/")]
    public async Task<IActionResult> Home(CancellationToken ct)
    {
        async Task<IReadOnlyList<ContentCard>> Latest(string type, int count)
            => await display.BuildCardsAsync((await queries.QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = count }, ct)).Items, ct);

        return View(new HomeView(
            await Latest("Article", 4),
            await Latest("ExemplaryProduct", 4),
            await Latest("ModelSite", 4),
            await Latest("Initiative", 6),
            await Latest("Event", 3),
            await queries.CountPublishedByTypeAsync(ct)));
    }

    [HttpGet("/kho-hoc-lieu")]
    public async Task<IActionResult> Library(string? q, string? type, [FromQuery(Name = "term")] string[]? terms, int page = 1, CancellationToken ct = default)
    {
        var selectedTypes = type is not null && LibraryTypes.Contains(type) ? new[] { type } : LibraryTypes;
        var selectedTerms = (terms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().Take(20).ToList();
        var groups = new Dictionary<string, List<string>>();
        foreach (var termId in selectedTerms)
        {
            if (await taxonomies.FindTermAsync(termId, ct) is { } term)
            {
                (groups.TryGetValue(term.TaxonomyContentItemId, out var list) ? list : groups[term.TaxonomyContentItemId] = []).Add(termId);
            }
        }

        var query = q?.Trim();
        if (query is { Length: > 200 })
        {
            query = query[..200];
        }

        var result = await queries.QueryAsync(new ContentQuery
        {
            ContentTypes = selectedTypes,
            TermGroups = groups.Values.Select(g => (IReadOnlyCollection<string>)g).ToList(),
            TitleContains = query,
            Page = page,
            PageSize = 12,
        }, ct);

        var counts = await queries.CountPublishedByTermAsync(selectedTypes, ct);
        var typeCounts = await queries.CountPublishedByTypeAsync(ct);
        var filters = new List<FilterGroup>
        {
            new("type", T["Kind of item"], await TypeOptionsAsync(type, typeCounts, ct)),
        };
        foreach (var (taxonomyId, parameter) in LibraryFacets)
        {
            if (await taxonomies.GetTaxonomyAsync(taxonomyId, ct) is { } taxonomy)
            {
                filters.Add(new FilterGroup(parameter, taxonomy.Title, taxonomy.Terms
                    .Select(t => new FilterOption(t.ContentItemId, t.Title, counts.GetValueOrDefault(t.ContentItemId), selectedTerms.Contains(t.ContentItemId)))
                    .Where(o => o.Count > 0 || o.Selected)
                    .ToList()));
            }
        }

        string UrlFor(int p)
        {
            var parameters = new List<KeyValuePair<string, string?>>();
            if (!string.IsNullOrEmpty(query))
            {
                parameters.Add(new("q", query));
            }

            if (type is not null)
            {
                parameters.Add(new("type", type));
            }

            parameters.AddRange(selectedTerms.Select(t => new KeyValuePair<string, string?>("term", t)));
            if (p > 1)
            {
                parameters.Add(new("page", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return "/kho-hoc-lieu" + QueryString.Create(parameters);
        }

        return View("List", new ListPageView(T["Shared learning-resource library"], T["Initiatives, exemplary products, model sites, news and events of the topic, for everyone to read and reuse."],
            await display.BuildCardsAsync(result.Items, ct), new PagerView(result.Page, result.PageCount, result.Total, UrlFor))
        {
            Query = query,
            Filters = filters,
            ShowFilters = true,
        });
    }

    [HttpGet("/sang-kien")]
    public Task<IActionResult> Initiatives(int page = 1, CancellationToken ct = default)
        => TypeListAsync("Initiative", "/sang-kien", T["Initiatives"], T["Practices and solutions written up by schools and teachers."], page, ct);

    [HttpGet("/san-pham-dien-hinh")]
    public Task<IActionResult> ExemplaryProducts(int page = 1, CancellationToken ct = default)
        => TypeListAsync("ExemplaryProduct", "/san-pham-dien-hinh", T["Exemplary products"], T["Products the Department selected for dissemination and replication."], page, ct);

    [HttpGet("/mo-hinh-diem")]
    public Task<IActionResult> ModelSites(int page = 1, CancellationToken ct = default)
        => TypeListAsync("ModelSite", "/mo-hinh-diem", T["Model sites"], T["Schools designated as model sites for a theme, open for study visits."], page, ct);

    [HttpGet("/tin-tuc")]
    public Task<IActionResult> News(int page = 1, CancellationToken ct = default)
        => TypeListAsync("Article", "/tin-tuc", T["News"], T["News of the topic for parents and the community."], page, ct);

    [HttpGet("/su-kien")]
    public Task<IActionResult> Events(int page = 1, CancellationToken ct = default)
        => TypeListAsync("Event", "/su-kien", T["Events"], T["Conferences, training, competitions and study visits."], page, ct);

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

        return View("Item", await display.BuildDetailAsync(item, ct));
    }

    private async Task<IActionResult> TypeListAsync(string type, string baseUrl, string title, string intro, int page, CancellationToken ct)
    {
        var result = await queries.QueryAsync(new ContentQuery { ContentTypes = [type], Page = page, PageSize = 12 }, ct);
        if (page > 1 && result.Items.Count == 0)
        {
            return NotFound();
        }

        return View("List", new ListPageView(title, intro, await display.BuildCardsAsync(result.Items, ct),
            new PagerView(result.Page, result.PageCount, result.Total, p => p > 1 ? $"{baseUrl}?page={p}" : baseUrl)));
    }

    private async Task<IReadOnlyList<FilterOption>> TypeOptionsAsync(string? selected, IReadOnlyDictionary<string, int> counts, CancellationToken ct)
    {
        var options = new List<FilterOption>();
        foreach (var name in LibraryTypes)
        {
            if (await definitions.GetTypeDefinitionAsync(name, ct) is { } type)
            {
                options.Add(new FilterOption(name, type.DisplayName, counts.GetValueOrDefault(name), name == selected));
            }
        }

        return options;
    }
}
