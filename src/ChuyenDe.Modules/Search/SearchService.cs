using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// <see cref="ISearchService"/> over this node's indexes: the public index (published versions only, so drafts never
/// reach a public snippet) or, for <see cref="SearchRequest.LatestVersions"/>, the index of latest versions. The
/// caller of an admin search passes the organisations the user may see as <see cref="SearchRequest.OrganizationScope"/>.
/// </summary>
internal sealed class SearchService(SearchIndexer indexer, ITaxonomyService taxonomies) : ISearchService
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await indexer.WaitUntilStartedAsync(ct);
        var index = request.LatestVersions ? indexer.Latest : indexer.Public;
        return index.Search(request);
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max = 8, CancellationToken ct = default)
    {
        await indexer.WaitUntilStartedAsync(ct);
        max = Math.Clamp(max, 1, 50);
        var words = SearchQueryBuilder.QueryWords(prefix).Select(VietnameseAnalyzer.Fold).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var suggestions = new List<string>();
        foreach (var taxonomy in await taxonomies.ListTaxonomiesAsync(ct))
        {
            foreach (var term in taxonomy.Terms)
            {
                if (Matches(term.Title, words) && !suggestions.Contains(term.Title))
                {
                    suggestions.Add(term.Title);
                }
            }
        }

        // Term names first (few, and they lead to a facet), then titles, newest first.
        suggestions = suggestions.Take(Math.Max(1, max / 2)).ToList();
        foreach (var title in indexer.Public.Suggest(prefix, max))
        {
            if (suggestions.Count >= max)
            {
                break;
            }

            if (!suggestions.Contains(title))
            {
                suggestions.Add(title);
            }
        }

        return suggestions;
    }

    /// <summary>Every word but the last is a word of the text, the last starts one (all folded).</summary>
    private static bool Matches(string text, IReadOnlyList<string> words)
    {
        var textWords = VietnameseAnalyzer.Words(text).Select(VietnameseAnalyzer.Fold).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var last = i == words.Count - 1;
            if (!textWords.Any(w => last ? w.StartsWith(words[i], StringComparison.Ordinal) : w == words[i]))
            {
                return false;
            }
        }

        return true;
    }
}
