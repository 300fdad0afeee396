using System.Globalization;
using System.Text;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// <c>/tim-kiem</c>: the public search page, and <c>/tim-kiem/goi-y</c>, the suggestions the query box shows as the
/// visitor types. Only the public index is searched (published items), so drafts never reach this page.
/// </summary>
[AllowAnonymous]
public sealed class SearchController(
    IServiceProvider services,
    ISearchService search,
    IStringLocalizer<SearchResources> T,
    ILogger<SearchController> logger) : Controller
{
    public const string BasePath = "/tim-kiem";
    public const int MaxSuggestPrefix = 100;

    [HttpGet(BasePath)]
    [OutputCache(PolicyName = Caching.PageCache.PolicyName)]
    public async Task<IActionResult> Index()
    {
        // No action parameter: an action without any skips model binding (the query is read by the builder).
        var ct = HttpContext.RequestAborted;
        Caching.PageCache.Tag(HttpContext, Caching.CacheTags.SearchResults, Caching.CacheTags.Terms, Caching.CacheTags.Organizations, Caching.CacheTags.Curations);
        var view = await services.GetRequiredService<SearchPageBuilder>().BuildAsync(Request.Query, new SearchPageOptions(BasePath, T["Search"], null)
        {
            RequireQueryOrFilter = true,
            AllowedTypes = SearchPageBuilder.PublicTypes,
        }, ct);
        return View(view);
    }

    /// <summary>Titles and term names starting with what was typed (tone marks optional), as JSON.</summary>
    [HttpGet(BasePath + "/goi-y")]
    [ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Suggest(string? q, CancellationToken ct)
    {
        var prefix = SearchPageBuilder.CleanQuery(q, MaxSuggestPrefix, out _);
        IReadOnlyList<string> suggestions = [];
        if (prefix.Length >= 2)
        {
            try
            {
                suggestions = await search.SuggestAsync(prefix, 8, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Suggestions for {Prefix} failed", prefix);
            }
        }

        return Json(new { query = prefix, suggestions });
    }
}

/// <summary>Which page is built: its address, heading and the types it may list.</summary>
public sealed record SearchPageOptions(string BasePath, string Title, string? Intro)
{
    /// <summary>Without a query and without filters, show the empty state instead of every item.</summary>
    public bool RequireQueryOrFilter { get; init; }

    /// <summary>The content types the page lists; when the visitor chooses none, all of these.</summary>
    public IReadOnlyList<string> AllowedTypes { get; init; } = SearchPageBuilder.PublicTypes;

    /// <summary>Restrict the search to <see cref="AllowedTypes"/> when no type is chosen (the library).</summary>
    public bool RestrictToAllowedTypes { get; init; }
}

/// <summary>What the visitor asked for, read from the query string (the same parameters on both pages).</summary>
public sealed record SearchPageState
{
    public string Query { get; init; } = "";
    public string Sort { get; init; } = "";
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Terms { get; init; } = [];
    public IReadOnlyList<string> Organizations { get; init; } = [];
    public IReadOnlyList<string> Districts { get; init; } = [];
    public bool Exemplary { get; init; }
    public int Page { get; init; } = 1;

    public bool HasFilters => Types.Count > 0 || Terms.Count > 0 || Organizations.Count > 0 || Districts.Count > 0 || Exemplary;
}

public sealed record SearchSortOption(string Value, string Text, bool Selected);

/// <summary>
/// One value of a facet: its name, how many results have it and, for a chosen value, the address without it (the
/// page links only the chosen ones; the checkboxes of the others submit the form, so their addresses are not built).
/// </summary>
public sealed record SearchFacetOption(string Parameter, string Value, string Text, int Count, bool Selected, string? ToggleUrl)
{
    /// <summary>The id of its checkbox, e.g. <c>f-term-crit-3</c>.</summary>
    public string InputId => "f-" + Parameter + "-" + SearchPageBuilder.IdSafe(Value);
}

public sealed record SearchFacetGroup(string Name, string Label, IReadOnlyList<SearchFacetOption> Options);

public sealed record SearchHitView(SearchHit Hit, string TypeName, string? OrganizationName, DateTime? PublishedLocal, DateTime ModifiedLocal)
{
    public string? Url => string.IsNullOrEmpty(Hit.Path) ? null : "/" + Hit.Path.TrimStart('/');
}

/// <summary>A search page ready to render: the form's state, results, facets, messages and addresses.</summary>
public sealed record SearchPageView(SearchPageOptions Options, SearchPageState State)
{
    /// <summary>False for the empty state (nothing asked yet) and when the search failed.</summary>
    public bool Searched { get; init; }
    public bool Failed { get; init; }
    public int Total { get; init; }
    public IReadOnlyList<SearchHitView> Hits { get; init; } = [];
    public IReadOnlyList<SearchFacetGroup> Facets { get; init; } = [];
    public IReadOnlyList<SearchSortOption> Sorts { get; init; } = [];

    /// <summary>The chosen filters, each with the address that removes it.</summary>
    public IReadOnlyList<SearchFacetOption> Active { get; init; } = [];

    /// <summary>Notes about the request in Vietnamese (query cut, unknown filters ignored, page out of range).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];
    public string? DidYouMean { get; init; }
    public string? DidYouMeanUrl { get; init; }
    public string ClearUrl { get; init; } = "";
    public PagerView Pager { get; init; } = new(1, 0, 0, _ => "");
}

/// <summary>
/// Reads the search parameters, checks them (unknown values are dropped with a message, over-long queries are cut),
/// asks <see cref="ISearchService"/> and prepares the view with display names of types, terms and organisations.
/// Used by <c>/tim-kiem</c> and by the library <c>/kho-hoc-lieu</c>.
/// </summary>
public sealed class SearchPageBuilder(
    ISearchService search,
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    IContentDefinitionManager definitions,
    ISiteSettingsService siteSettings,
    IStringLocalizer<SearchResources> T,
    ILogger<SearchPageBuilder> logger)
{
    public const int MaxQueryLength = 200;
    public const int MaxPage = 10_000;
    public const int PageSize = 12;
    private const int MaxValuesPerParameter = 20;

    /// <summary>Names in Vietnamese alphabetical order (the units of a facet with equal counts).</summary>
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>The types of the public site the search lists.</summary>
    public static readonly string[] PublicTypes = ["Initiative", "ExemplaryProduct", "ModelSite", "Article", "Event", "OfficialDocument", "Page"];

    /// <summary>Taxonomy facets in the order they are shown: facet name and the taxonomy behind it.</summary>
    public static readonly (string Facet, string Taxonomy)[] TaxonomyFacets =
    [
        (SearchFacets.Criteria, "tax-criteria"), (SearchFacets.AgeGroup, "tax-age-groups"), (SearchFacets.DevelopmentArea, "tax-development-areas"),
        (SearchFacets.Level, "tax-levels"), (SearchFacets.SchoolYear, "tax-school-years"), (SearchFacets.ResourceKind, "tax-resource-kinds"),
        (SearchFacets.Theme, "tax-model-site-themes"),
    ];

    /// <summary>Sort values in the address (Vietnamese slugs) and what they mean.</summary>
    public static readonly (string Value, SearchSort Sort)[] SortValues =
    [
        ("", SearchSort.Relevance), ("moi-nhat", SearchSort.Newest), ("cu-nhat", SearchSort.Oldest), ("ten", SearchSort.Title),
    ];

    public async Task<SearchPageView> BuildAsync(IQueryCollection parameters, SearchPageOptions options, CancellationToken ct)
    {
        var messages = new List<string>();
        var query = CleanQuery(parameters["q"].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)), MaxQueryLength, out var cut);
        if (cut)
        {
            messages.Add(T["Your search was too long: only its first {0} characters were used.", MaxQueryLength]);
        }

        var sortValue = parameters["sort"].FirstOrDefault()?.Trim() ?? "";
        if (sortValue == "lien-quan" || !SortValues.Any(s => s.Value == sortValue))
        {
            sortValue = "";
        }

        // Asked for, as typed (for the message); the page searched stays within reach.
        var askedPage = long.TryParse(parameters["page"].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var page = (int)Math.Clamp(askedPage, 1, MaxPage);

        var invalid = false;
        var types = Values(parameters, "type").Where(t => options.AllowedTypes.Contains(t, StringComparer.Ordinal)).ToList();
        invalid |= types.Count != Values(parameters, "type").Count;

        var filters = new Dictionary<string, List<string>>();
        var terms = new List<string>();
        foreach (var termId in Values(parameters, "term"))
        {
            var term = await taxonomies.FindTermAsync(termId, ct);
            var facet = term is null ? null : FacetOfTaxonomy(term.TaxonomyContentItemId);
            if (facet is null)
            {
                invalid = true;
                continue;
            }

            terms.Add(termId);
            (filters.TryGetValue(facet, out var list) ? list : filters[facet] = []).Add(termId);
        }

        async Task<List<string>> KnownOrganizationsAsync(string parameter)
        {
            var known = new List<string>();
            foreach (var id in Values(parameters, parameter))
            {
                if (await organizations.GetAsync(id, ct) is not null)
                {
                    known.Add(id);
                }
                else
                {
                    invalid = true;
                }
            }

            return known;
        }

        var orgs = await KnownOrganizationsAsync("org");
        var districts = await KnownOrganizationsAsync("district");
        var exemplaryValue = parameters["exemplary"].FirstOrDefault();
        var exemplary = exemplaryValue is "true" or "1" or "on";
        invalid |= !string.IsNullOrEmpty(exemplaryValue) && !exemplary && exemplaryValue != "false";
        if (invalid)
        {
            messages.Add(T["Some filters in the address are not known and were left out."]);
        }

        var state = new SearchPageState
        {
            Query = query, Sort = sortValue, Types = types, Terms = terms, Organizations = orgs, Districts = districts, Exemplary = exemplary, Page = page,
        };
        var sorts = SortValues.Select(s => new SearchSortOption(s.Value, SortText(s.Sort), s.Value == sortValue)).ToList();
        var view = new SearchPageView(options, state) { Sorts = sorts, ClearUrl = options.BasePath, Messages = messages };
        if (options.RequireQueryOrFilter && query.Length == 0 && !state.HasFilters)
        {
            return view;
        }

        if (types.Count > 0)
        {
            filters[SearchFacets.Type] = types;
        }
        else if (options.RestrictToAllowedTypes)
        {
            filters[SearchFacets.Type] = [.. options.AllowedTypes];
        }

        if (orgs.Count > 0)
        {
            filters[SearchFacets.Organization] = orgs;
        }

        if (districts.Count > 0)
        {
            filters[SearchFacets.District] = districts;
        }

        var sort = SortValues.First(s => s.Value == sortValue).Sort;
        var request = new SearchRequest
        {
            Query = query.Length == 0 ? null : query,
            Page = page,
            PageSize = PageSize,
            // Without words there is no relevance: the newest first, as the library always listed.
            Sort = sort == SearchSort.Relevance && query.Length == 0 ? SearchSort.Newest : sort,
            Filters = filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value),
            ExemplaryOnly = exemplary,
        };

        SearchResults results;
        var facetCounts = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        try
        {
            results = await search.SearchAsync(request, ct);
            if (results.Total > 0 && results.Hits.Count == 0 && page > results.PageCount)
            {
                messages.Add(T["There is no page {0}: showing the last page, {1}.", askedPage, results.PageCount]);
                state = state with { Page = results.PageCount };
                results = await search.SearchAsync(request with { Page = results.PageCount }, ct);
            }

            foreach (var (facet, counts) in results.Facets)
            {
                facetCounts[facet] = counts;
            }

            // Values of one facet combine with OR: a chosen facet counts what each of its values would add, i.e.
            // the results of every other filter (one more small search per facet in use).
            foreach (var facet in filters.Keys.Where(f => f != SearchFacets.Type || types.Count > 0).ToList())
            {
                var others = filters.Where(f => f.Key != facet).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value);
                if (facet == SearchFacets.Type && options.RestrictToAllowedTypes)
                {
                    others[SearchFacets.Type] = [.. options.AllowedTypes];
                }

                var without = await search.SearchAsync(request with { Page = 1, PageSize = 1, Sort = SearchSort.Newest, Filters = others }, ct);
                facetCounts[facet] = without.Facets.TryGetValue(facet, out var counts) ? counts : [];
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Search failed for {Query}", query);
            messages.Add(T["The search is not available right now. Please try again in a moment."]);
            return view with { State = state, Failed = true };
        }

        var site = await siteSettings.GetAsync(ct);
        var typeNames = (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
        var organizationList = await organizations.ListAsync(ct);
        var organizationNames = organizationList.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var hits = results.Hits.Select(h => new SearchHitView(
            h,
            typeNames.GetValueOrDefault(h.ContentType) ?? h.ContentType,
            h.OrganizationId is null ? null : organizationNames.GetValueOrDefault(h.OrganizationId),
            h.PublishedUtc is { } published ? site.ToLocal(published) : null,
            site.ToLocal(h.ModifiedUtc))).ToList();

        var facets = new List<SearchFacetGroup>();
        IReadOnlyList<FacetCount> Counts(string facet) => facetCounts.TryGetValue(facet, out var counts) ? counts : [];

        SearchFacetOption Option(string parameter, string value, string text, int count, IReadOnlyList<string> selected)
            => selected.Contains(value)
                ? new(parameter, value, text, count, true, Url(options.BasePath, Toggle(state, parameter, value) with { Page = 1 }))
                : new(parameter, value, text, count, false, null);

        var typeCounts = Counts(SearchFacets.Type).ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal);
        facets.Add(new SearchFacetGroup(SearchFacets.Type, T["Kind of item"], options.AllowedTypes
            .Where(t => typeCounts.GetValueOrDefault(t) > 0 || types.Contains(t))
            .Select(t => Option("type", t, typeNames.GetValueOrDefault(t) ?? t, typeCounts.GetValueOrDefault(t), types))
            .ToList()));
        // The facets of the topic first, in their order, then any other taxonomy the results carry (news categories,
        // event kinds), which the engine names after the taxonomy.
        var taxonomyIds = TaxonomyFacets.Select(f => f.Taxonomy).ToList();
        taxonomyIds.AddRange((await taxonomies.ListTaxonomiesAsync(ct)).Select(t => t.ContentItemId).Where(id => !taxonomyIds.Contains(id)).Order(StringComparer.Ordinal));
        foreach (var taxonomyId in taxonomyIds)
        {
            var facet = FacetOfTaxonomy(taxonomyId);
            if (await taxonomies.GetTaxonomyAsync(taxonomyId, ct) is not { } taxonomy)
            {
                continue;
            }

            var counts = Counts(facet).ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal);
            facets.Add(new SearchFacetGroup(facet, taxonomy.Title, taxonomy.Terms
                .Where(t => counts.GetValueOrDefault(t.ContentItemId) > 0 || terms.Contains(t.ContentItemId))
                .Select(t => Option("term", t.ContentItemId, t.Title, counts.GetValueOrDefault(t.ContentItemId), terms))
                .ToList()));
        }

        IReadOnlyList<SearchFacetOption> OrganizationOptions(string facet, string parameter, IReadOnlyList<string> selected)
        {
            var counts = Counts(facet).Where(c => organizationNames.ContainsKey(c.Value)).ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal);
            foreach (var id in selected)
            {
                counts.TryAdd(id, 0);
            }

            return counts.Where(c => c.Value > 0 || selected.Contains(c.Key))
                .OrderByDescending(c => c.Value).ThenBy(c => organizationNames[c.Key], VietnameseOrder)
                .Select(c => Option(parameter, c.Key, organizationNames[c.Key], c.Value, selected))
                .ToList();
        }

        facets.Add(new SearchFacetGroup(SearchFacets.District, T["District"], OrganizationOptions(SearchFacets.District, "district", districts)));
        facets.Add(new SearchFacetGroup(SearchFacets.Organization, T["Organisation"], OrganizationOptions(SearchFacets.Organization, "org", orgs)));
        var exemplaryCount = Counts(SearchFacets.Exemplary).Where(c => c.Value == "true").Sum(c => c.Count);
        facets.Add(new SearchFacetGroup(SearchFacets.Exemplary, T["Exemplary"], exemplaryCount > 0 || exemplary
            ? [new SearchFacetOption("exemplary", "true", T["Exemplary products only"], exemplaryCount, exemplary, exemplary ? Url(options.BasePath, state with { Exemplary = false, Page = 1 }) : null)]
            : []));

        string? didYouMeanUrl = null;
        if (results.Total == 0 && !string.IsNullOrWhiteSpace(results.DidYouMean) && !string.Equals(results.DidYouMean, query, StringComparison.OrdinalIgnoreCase))
        {
            didYouMeanUrl = Url(options.BasePath, state with { Query = results.DidYouMean, Page = 1 });
        }

        var finalState = state;
        return view with
        {
            State = state,
            Searched = true,
            Total = results.Total,
            Hits = hits,
            Facets = facets,
            Active = facets.SelectMany(f => f.Options).Where(o => o.Selected).ToList(),
            DidYouMean = didYouMeanUrl is null ? null : results.DidYouMean,
            DidYouMeanUrl = didYouMeanUrl,
            Pager = new PagerView(results.Page, results.PageCount, results.Total, n => Url(options.BasePath, finalState with { Page = n })),
        };
    }

    /// <summary>The facet a taxonomy's terms are filtered by: the topic's names, else the taxonomy id (as the index does).</summary>
    public static string FacetOfTaxonomy(string taxonomyContentItemId)
        => TaxonomyFacets.FirstOrDefault(f => f.Taxonomy == taxonomyContentItemId).Facet ?? taxonomyContentItemId;

    private string SortText(SearchSort sort) => sort switch
    {
        SearchSort.Newest => T["Newest"],
        SearchSort.Oldest => T["Oldest"],
        SearchSort.Title => T["Title A–Z"],
        _ => T["Relevance"],
    };

    /// <summary>The query as typed, without control characters, in NFC, trimmed, at most <paramref name="max"/> characters.</summary>
    public static string CleanQuery(string? value, int max, out bool cut)
    {
        cut = false;
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, max * 2));
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? ' ' : c);
        }

        var result = text.ToString();
        try
        {
            result = result.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; they are searched as they are.
        }

        result = result.Trim();
        if (result.Length > max)
        {
            cut = true;
            var length = char.IsHighSurrogate(result[max - 1]) ? max - 1 : max;
            result = result[..length].TrimEnd();
        }

        return result;
    }

    /// <summary>A value usable in an element id.</summary>
    public static string IdSafe(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return text.ToString();
    }

    private static List<string> Values(IQueryCollection parameters, string name)
        => parameters[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Where(v => v.Length <= 100)
            .Distinct(StringComparer.Ordinal).Take(MaxValuesPerParameter).ToList();

    private static SearchPageState Toggle(SearchPageState state, string parameter, string value)
    {
        static IReadOnlyList<string> Flip(IReadOnlyList<string> list, string value)
            => list.Contains(value) ? list.Where(v => v != value).ToList() : [.. list, value];

        return parameter switch
        {
            "type" => state with { Types = Flip(state.Types, value) },
            "term" => state with { Terms = Flip(state.Terms, value) },
            "org" => state with { Organizations = Flip(state.Organizations, value) },
            "district" => state with { Districts = Flip(state.Districts, value) },
            _ => state,
        };
    }

    /// <summary>The address of a state of the page; parameters in a fixed order, the first page without <c>page</c>.</summary>
    public static string Url(string basePath, SearchPageState state)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (state.Query.Length > 0)
        {
            parameters.Add(new("q", state.Query));
        }

        parameters.AddRange(state.Types.Select(v => new KeyValuePair<string, string?>("type", v)));
        parameters.AddRange(state.Terms.Select(v => new KeyValuePair<string, string?>("term", v)));
        parameters.AddRange(state.Districts.Select(v => new KeyValuePair<string, string?>("district", v)));
        parameters.AddRange(state.Organizations.Select(v => new KeyValuePair<string, string?>("org", v)));
        if (state.Exemplary)
        {
            parameters.Add(new("exemplary", "true"));
        }

        if (state.Sort.Length > 0)
        {
            parameters.Add(new("sort", state.Sort));
        }

        if (state.Page > 1)
        {
            parameters.Add(new("page", state.Page.ToString(CultureInfo.InvariantCulture)));
        }

        return basePath + QueryString.Create(parameters);
    }
}
