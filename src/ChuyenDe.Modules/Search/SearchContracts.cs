using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
    Title,
}

/// <summary>
/// Facet names used in <see cref="SearchRequest.Terms"/> and <see cref="SearchResults.Facets"/>, each backed by a
/// taxonomy (see docs/content-model.md), plus the non-taxonomy facets type, organisation, district and exemplary.
/// </summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Criteria = "criteria";            // tax-criteria
    public const string AgeGroup = "ageGroup";            // tax-age-groups
    public const string DevelopmentArea = "area";         // tax-development-areas
    public const string Level = "level";                  // tax-levels
    public const string SchoolYear = "schoolYear";        // tax-school-years
    public const string ResourceKind = "resourceKind";    // tax-resource-kinds
    public const string Theme = "theme";                  // tax-model-site-themes
    public const string Organization = "organization";    // the item's organisation id
    public const string District = "district";            // the district office above the item's organisation (or itself)
    public const string Exemplary = "exemplary";          // "true" for exemplary products and items curated as exemplary
}

/// <summary>A search of the public index (published items only) or, with <see cref="LatestVersions"/>, the admin index.</summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 12;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Facet name → chosen values. Values of one facet combine with OR, facets combine with AND.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool ExemplaryOnly { get; init; }

    /// <summary>Admin search: latest versions, limited to these organisations (null = any, for administrators).</summary>
    public bool LatestVersions { get; init; }
    public IReadOnlyCollection<string>? OrganizationScope { get; init; }
}

public sealed record SearchHit(
    string ContentItemId,
    string ContentType,
    string DisplayText,
    string? Path,
    string? Summary,
    /// <summary>Safe HTML: the snippet's text HTML-encoded, matched words wrapped in &lt;mark&gt;.</summary>
    string? SnippetHtml,
    string? OrganizationId,
    DateTime? PublishedUtc,
    DateTime ModifiedUtc,
    bool Published,
    float Score);

public sealed record FacetCount(string Value, int Count);

public sealed record SearchResults(
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Full-text search over the local Lucene index.</summary>
public interface ISearchService
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct = default);

    /// <summary>Titles and term names that start with (folded) <paramref name="prefix"/>, for suggestions as you type.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max = 8, CancellationToken ct = default);
}

/// <summary>
/// Lets other modules ask for an item to be indexed again when something outside the content item changed what its
/// search document holds (e.g. a curation making it exemplary). Written in the caller's transaction.
/// </summary>
public interface ISearchIndexQueue
{
    Task EnqueueAsync(string contentItemId, CancellationToken ct = default);
}

/// <summary>
/// Lets other modules add facts to an item's search document without Search knowing their tables, e.g. Editorial
/// says whether an item is exemplary. Called while the document is built.
/// </summary>
public interface ISearchDocumentContributor
{
    Task ContributeAsync(ContentItem item, SearchDocumentFacts facts, CancellationToken ct);
}

/// <summary>The extra facts contributors may set.</summary>
public sealed class SearchDocumentFacts
{
    public bool Exemplary { get; set; }
    public List<string> ExtraTerms { get; } = [];
}

/// <summary>Operations on the node's index: catch up from the indexing-task table, or rebuild everything.</summary>
public interface ISearchIndexMaintenance
{
    Task<int> CatchUpAsync(CancellationToken ct = default);
    Task RebuildAsync(CancellationToken ct = default);
}
