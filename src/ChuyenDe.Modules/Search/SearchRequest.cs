using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

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
