using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>Full-text search over the local Lucene index.</summary>
public interface ISearchService
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct = default);

    /// <summary>Titles and term names that start with (folded) <paramref name="prefix"/>, for suggestions as you type.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max = 8, CancellationToken ct = default);
}
