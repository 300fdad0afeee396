using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChuyenDe.Modules.Search;

/// <summary>Suggestions while typing: titles that complete the words typed so far.</summary>
internal sealed class TitleSuggestions(SearcherManager searchers)
{
    /// <summary>Titles whose words start with the (folded) words of <paramref name="prefix"/>, newest first.</summary>
    public IReadOnlyList<string> Suggest(string prefix, int max = 8)
    {
        var words = SearchQueryBuilder.QueryWords(prefix);
        if (words.Count == 0 || max <= 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var folded = new Term(SearchFields.Title, VietnameseAnalyzer.Fold(words[i]));
            query.Add(i == words.Count - 1 ? new PrefixQuery(folded) : new TermQuery(folded), Occur.MUST);
        }

        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(query, null, Math.Min(max * 4, 200),
                new Sort(new SortField(SearchFields.SortDate, SortFieldType.INT64, reverse: true)));
            var titles = new List<string>();
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var title = searcher.Doc(scoreDoc.Doc).Get(SearchFields.Title);
                if (!string.IsNullOrEmpty(title) && !titles.Contains(title))
                {
                    titles.Add(title);
                    if (titles.Count == max)
                    {
                        break;
                    }
                }
            }

            return titles;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }
}
