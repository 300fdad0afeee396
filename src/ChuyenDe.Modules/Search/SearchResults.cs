using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

public sealed record SearchResults(
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean)
{
    public int PageCount => PagedResult.PageCount(Total, PageSize);
}
