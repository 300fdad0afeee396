using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// The reading side of a <see cref="SearchIndex"/>: a request's filters, matching and relevance, sorting, paging,
/// facet counts (<see cref="FacetCountingCollector"/>), highlighted snippets and, when nothing is found, "did you mean".
/// The results of recent requests are kept for the reader that computed them (<see cref="SearchResultCache"/>, when
/// given one with room).
/// </summary>
internal sealed class SearchIndexSearcher(SearcherManager searchers, DidYouMean didYouMeans, SearchResultCache? results = null)
{
    private const int MaxResultWindow = 10_000;
    private const int SnippetLength = 180;
    private const int MaxFilterValues = 64;

    /// <summary>How many of the first pass's best matches the full relevance query scores again.</summary>
    private const int RescoreWindow = 100;

    /// <summary>Characters of a stored text analysed to find a snippet.</summary>
    private const int MaxSnippetSource = 20_000;

    /// <summary>Number of documents visible to searches.</summary>
    public int DocumentCount
    {
        get
        {
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var filter = BuildFilter(request);
        var words = SearchQueryBuilder.QueryWords(request.Query);
        if (filter is null)
        {
            return new SearchResults([], 0, page, pageSize, new Dictionary<string, IReadOnlyList<FacetCount>>(), null);
        }

        var cache = results is { Capacity: > 0 } ? results : null;
        var epoch = cache?.Epoch ?? 0;
        var searcher = searchers.Acquire();
        try
        {
            var key = cache is null ? null : SearchResultCache.KeyOf(request, words, page, pageSize);
            if (key is not null && cache!.TryGet(searcher.IndexReader, key) is { } kept)
            {
                return kept;
            }

            var found = SearchCore(searcher, words, filter, request.Sort, page, pageSize);
            if (key is not null)
            {
                cache!.Add(searcher.IndexReader, epoch, key, found);
            }

            return found;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private SearchResults SearchCore(IndexSearcher searcher, IReadOnlyList<string> words, Query filter, SearchSort sort, int page, int pageSize)
    {
        var run = Run(searcher, words, 0, filter, sort, page, pageSize);
        string? didYouMean = null;
        if (run.Total == 0 && words.Count > 0)
        {
            didYouMean = didYouMeans.Correct(searcher, words);
            if (words.Count > 1)
            {
                // Not every word is there: show what has most of them rather than nothing.
                run = Run(searcher, words, Math.Max(1, (words.Count + 1) / 2), filter, sort, page, pageSize);
            }
        }

        var hits = new List<SearchHit>(run.Docs.Length);
        foreach (var scoreDoc in run.Docs)
        {
            hits.Add(ToHit(searcher.Doc(scoreDoc.Doc, words.Count == 0 ? SearchDocumentMapping.HitFields : SearchDocumentMapping.HitFieldsWithText), scoreDoc.Score, words));
        }

        return new SearchResults(hits, run.Total, page, pageSize, run.Facets, didYouMean);
    }

    private sealed record RunResult(ScoreDoc[] Docs, int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

    /// <summary>
    /// Finds the matches with the cheap first-pass query (counting facets on the way), then, for relevance, scores the
    /// best <see cref="RescoreWindow"/> of them again with the full query. Pages beyond that window follow the first pass.
    /// </summary>
    private static RunResult Run(IndexSearcher searcher, IReadOnlyList<string> words, int minimumShouldMatch, Query filter,
        SearchSort sort, int page, int pageSize)
    {
        Query query = words.Count == 0 ? new MatchAllDocsQuery() : SearchQueryBuilder.BuildMatch(words, minimumShouldMatch);
        if (filter is BooleanQuery { Clauses.Count: > 0 })
        {
            query = new FilteredQuery(query, new QueryWrapperFilter(filter));
        }

        var start = (page - 1) * pageSize;
        var window = Math.Max(1, Math.Min(start + pageSize, MaxResultWindow));
        var facets = new FacetCountingCollector();
        if (sort == SearchSort.Relevance && words.Count > 0)
        {
            var collector = TopScoreDocCollector.Create(Math.Max(window, RescoreWindow), docsScoredInOrder: false);
            searcher.Search(query, MultiCollector.Wrap(collector, facets));
            var first = collector.GetTopDocs();
            var candidates = first.ScoreDocs.Take(RescoreWindow).ToArray();
            var best = candidates.Length == 0 ? candidates : QueryRescorer.Rescore(searcher, new TopDocs(first.TotalHits, candidates, first.MaxScore),
                SearchQueryBuilder.Build(words, minimumShouldMatch), 10.0, candidates.Length).ScoreDocs;
            var ordered = best.Concat(first.ScoreDocs.Skip(candidates.Length));
            return new RunResult(ordered.Skip(start).Take(pageSize).ToArray(), first.TotalHits, facets.Result());
        }
        else
        {
            var collector = TopFieldCollector.Create(SortOf(sort), window, fillFields: false,
                trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
            searcher.Search(query, MultiCollector.Wrap(collector, facets));
            var docs = collector.GetTopDocs();
            var pageDocs = start >= docs.ScoreDocs.Length ? [] : docs.ScoreDocs.Skip(start).Take(pageSize).ToArray();
            return new RunResult(pageDocs, docs.TotalHits, facets.Result());
        }
    }

    private static Sort SortOf(SearchSort sort) => sort switch
    {
        SearchSort.Oldest => new Sort(new SortField(SearchFields.SortDate, SortFieldType.INT64, reverse: false)),
        SearchSort.Title => new Sort(new SortField(SearchFields.SortTitle, SortFieldType.STRING, reverse: false)),
        _ => new Sort(new SortField(SearchFields.SortDate, SortFieldType.INT64, reverse: true)),
    };

    /// <summary>The filter clauses (all must match), or null when the request can match nothing (an empty scope).</summary>
    private static BooleanQuery? BuildFilter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        foreach (var (facet, values) in request.Filters)
        {
            var chosen = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().Take(MaxFilterValues).ToList();
            if (string.IsNullOrWhiteSpace(facet) || chosen is null || chosen.Count == 0)
            {
                continue;
            }

            filter.Add(AnyOf(SearchFields.Filter(facet), chosen), Occur.MUST);
        }

        if (request.ExemplaryOnly)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Filter(SearchFacets.Exemplary), "true")), Occur.MUST);
        }

        if (request.OrganizationScope is { } scope)
        {
            if (scope.Count == 0)
            {
                return null;
            }

            filter.Add(AnyOf(SearchFields.Filter(SearchFacets.Organization), scope.Distinct().ToList()), Occur.MUST);
        }

        return filter;
    }

    private static Query AnyOf(string field, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            return new TermQuery(new Term(field, values[0]));
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private static SearchHit ToHit(Document doc, float score, IReadOnlyList<string> words)
    {
        string? snippet = null;
        if (words.Count > 0)
        {
            snippet = Highlight(words, SearchFields.Body, doc.Get(SearchFields.Body))
                ?? Highlight(words, SearchFields.Attachments, doc.Get(SearchFields.Attachments))
                ?? Highlight(words, SearchFields.Summary, doc.Get(SearchFields.Summary));
        }

        return SearchDocumentMapping.ToHit(doc, score, snippet);
    }

    /// <summary>A passage of a stored text with the query's words in &lt;mark&gt;, HTML-encoded; null when none occurs.</summary>
    private static string? Highlight(IReadOnlyList<string> words, string field, string? value)
        => string.IsNullOrWhiteSpace(value) ? null : SnippetBuilder.Build(VietnameseAnalyzer.Normalize(value), words, SnippetLength, MaxSnippetSource);
}
