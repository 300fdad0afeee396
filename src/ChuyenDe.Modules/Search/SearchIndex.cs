// Public building block (no database needed): see the comment at the top of SearchDocument.cs.
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// One Lucene index of <see cref="SearchDocument"/>s: add, update and delete by content item id, commit with a cursor
/// in the commit's user data (the last indexing task applied), and search with filters, facet counts, sorting, paging,
/// highlighted snippets and "did you mean". Thread-safe; writes are visible to searches after <see cref="Refresh"/> or
/// <see cref="Commit"/>, durable only after <see cref="Commit"/>.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CursorKey = "cursor";
    private const int MaxResultWindow = 10_000;
    private const int SnippetLength = 180;
    private const int MaxFilterValues = 64;

    /// <summary>How many of the first pass's best matches the full relevance query scores again.</summary>
    private const int RescoreWindow = 100;

    /// <summary>Characters of a stored text analysed to find a snippet.</summary>
    private const int MaxSnippetSource = 20_000;

    private static readonly FieldType AllFieldType = CreateAllFieldType();

    /// <summary>Stored fields a hit shows; with the texts snippets are taken from when there is a query.</summary>
    private static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal)
    {
        SearchFields.Id, SearchFields.Type, SearchFields.Title, SearchFields.Path, SearchFields.Summary, SearchFields.Organization,
        SearchFields.Published, SearchFields.PublishedTicks, SearchFields.ModifiedTicks,
    };

    private static readonly ISet<string> HitFieldsWithText = new HashSet<string>(HitFields, StringComparer.Ordinal)
    {
        SearchFields.Body, SearchFields.Attachments,
    };

    private readonly LuceneDirectory _directory;
    private readonly bool _ownsDirectory;
    private readonly VietnameseAnalyzer _analyzer = new();
    private readonly VietnameseAnalyzer _foldedAnalyzer = new(VietnameseForms.FoldedWithPairs);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly object _commitLock = new();
    private long? _cursor;
    private (IndexReader Reader, Dictionary<string, int> Words)? _vocabulary;
    private bool _disposed;

    public SearchIndex(LuceneDirectory directory, bool ownsDirectory = false)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        var perField = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(_analyzer,
            new Dictionary<string, Lucene.Net.Analysis.Analyzer> { [SearchFields.All] = _foldedAnalyzer });
        var config = new IndexWriterConfig(VietnameseAnalyzer.Version, perField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 96,
        };
        _writer = new IndexWriter(directory, config);
        if (!DirectoryReader.IndexExists(directory))
        {
            // An empty first commit, without a cursor: searchable at once, and recognisable as "never built".
            _writer.Commit();
        }

        var data = _writer.CommitData;
        if (data is not null && data.TryGetValue(CursorKey, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cursor))
        {
            _cursor = cursor;
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Opens (or creates) the index in a folder on local disk.</summary>
    public static SearchIndex Open(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        return new SearchIndex(FSDirectory.Open(folder), ownsDirectory: true);
    }

    /// <summary>The last indexing task id committed with the index, or null when the index was never built.</summary>
    public long? Cursor
    {
        get
        {
            lock (_commitLock)
            {
                return _cursor;
            }
        }
    }

    /// <summary>Number of documents visible to searches.</summary>
    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Adds the document, replacing any document with the same content item id.</summary>
    public void AddOrUpdate(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _writer.UpdateDocument(new Term(SearchFields.Id, document.ContentItemId), ToLucene(document));
    }

    public void Delete(string contentItemId) => _writer.DeleteDocuments(new Term(SearchFields.Id, contentItemId));

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>
    /// Merges the index down to at most <paramref name="maxSegments"/> segments (after a full rebuild or a bulk load):
    /// every query looks its terms up once per segment, so fewer segments answer faster. Commit afterwards.
    /// </summary>
    public void ForceMerge(int maxSegments = 1) => _writer.ForceMerge(Math.Max(1, maxSegments));

    /// <summary>Makes the writes so far visible to searches (near real time, not yet durable).</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes the writes durable together with <paramref name="cursor"/> (kept as it was when null), then visible.</summary>
    public void Commit(long? cursor = null)
    {
        lock (_commitLock)
        {
            var value = cursor ?? _cursor;
            var data = new Dictionary<string, string>();
            if (value is not null)
            {
                data[CursorKey] = value.Value.ToString(CultureInfo.InvariantCulture);
            }

            _writer.SetCommitData(data);
            _writer.Commit();
            _cursor = value;
        }

        Refresh();
    }

    /// <summary>Throws away every write since the last commit and closes the index, as a crash would (tests).</summary>
    internal void Abandon()
    {
        _disposed = true;
        _searchers.Dispose();
        _writer.Rollback();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
    }

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var filter = BuildFilter(request);
        var words = SearchQueryBuilder.QueryWords(request.Query);
        var searcher = _searchers.Acquire();
        try
        {
            if (filter is null)
            {
                return new SearchResults([], 0, page, pageSize, new Dictionary<string, IReadOnlyList<FacetCount>>(), null);
            }

            var run = Run(searcher, words, 0, filter, request.Sort, page, pageSize);
            string? didYouMean = null;
            if (run.Total == 0 && words.Count > 0)
            {
                didYouMean = DidYouMean(searcher, words);
                if (words.Count > 1)
                {
                    // Not every word is there: show what has most of them rather than nothing.
                    run = Run(searcher, words, Math.Max(1, (words.Count + 1) / 2), filter, request.Sort, page, pageSize);
                }
            }

            var hits = new List<SearchHit>(run.Docs.Length);
            foreach (var scoreDoc in run.Docs)
            {
                hits.Add(ToHit(searcher.Doc(scoreDoc.Doc, words.Count == 0 ? HitFields : HitFieldsWithText), scoreDoc.Score, words));
            }

            return new SearchResults(hits, run.Total, page, pageSize, run.Facets, didYouMean);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

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

        var searcher = _searchers.Acquire();
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
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _searchers.Dispose();
        _writer.Dispose();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
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

    private SearchHit ToHit(Document doc, float score, IReadOnlyList<string> words)
    {
        string? snippet = null;
        if (words.Count > 0)
        {
            snippet = Highlight(words, SearchFields.Body, doc.Get(SearchFields.Body))
                ?? Highlight(words, SearchFields.Attachments, doc.Get(SearchFields.Attachments))
                ?? Highlight(words, SearchFields.Summary, doc.Get(SearchFields.Summary));
        }

        var published = doc.GetField(SearchFields.PublishedTicks)?.GetInt64Value();
        var modified = doc.GetField(SearchFields.ModifiedTicks)?.GetInt64Value() ?? 0;
        return new SearchHit(
            doc.Get(SearchFields.Id) ?? "",
            doc.Get(SearchFields.Type) ?? "",
            doc.Get(SearchFields.Title) ?? "",
            doc.Get(SearchFields.Path),
            doc.Get(SearchFields.Summary),
            snippet,
            doc.Get(SearchFields.Organization),
            published is { } p ? new DateTime(p, DateTimeKind.Utc) : null,
            new DateTime(modified, DateTimeKind.Utc),
            doc.Get(SearchFields.Published) == "1",
            float.IsNaN(score) ? 0 : score);
    }

    /// <summary>A passage of a stored text with the query's words in &lt;mark&gt;, HTML-encoded; null when none occurs.</summary>
    private static string? Highlight(IReadOnlyList<string> words, string field, string? value)
        => string.IsNullOrWhiteSpace(value) ? null : SnippetBuilder.Build(VietnameseAnalyzer.Normalize(value), words, SnippetLength, MaxSnippetSource);

    /// <summary>
    /// For a query that found nothing: each word not in the index replaced by the indexed title or term word
    /// nearest to it (edit distance on folded forms, at most 1 for short words and 2 for longer ones; the most
    /// frequent wins). Null when no word could be corrected.
    /// </summary>
    private string? DidYouMean(IndexSearcher searcher, IReadOnlyList<string> words)
    {
        var vocabulary = Vocabulary(searcher.IndexReader);
        var changed = false;
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            var folded = VietnameseAnalyzer.Fold(word);
            if (vocabulary.ContainsKey(word) || searcher.IndexReader.DocFreq(new Term(SearchFields.Body, folded)) > 0
                || searcher.IndexReader.DocFreq(new Term(SearchFields.Attachments, folded)) > 0)
            {
                result.Add(word);
                continue;
            }

            var limit = folded.Length <= 4 ? 1 : 2;
            string? best = null;
            var bestDistance = int.MaxValue;
            var bestFrequency = 0;
            foreach (var (candidate, frequency) in vocabulary)
            {
                if (Math.Abs(candidate.Length - word.Length) > limit + 1)
                {
                    continue;
                }

                var distance = EditDistance(VietnameseAnalyzer.Fold(candidate), folded, limit);
                var better = distance < bestDistance || (distance == bestDistance && (frequency > bestFrequency
                    || (frequency == bestFrequency && best is not null && IsAscii(best) && !IsAscii(candidate))));
                if (distance <= limit && better)
                {
                    best = candidate;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }

            if (best is not null && best != word)
            {
                changed = true;
                result.Add(best);
            }
            else
            {
                result.Add(word);
            }
        }

        return changed ? string.Join(' ', result) : null;
    }

    private static bool IsAscii(string s) => s.All(c => c < 128);

    /// <summary>Words of titles and term names with their document frequency, cached per reader.</summary>
    private Dictionary<string, int> Vocabulary(IndexReader reader)
    {
        var cached = _vocabulary;
        if (cached is { } c && ReferenceEquals(c.Reader, reader))
        {
            return c.Words;
        }

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.Title, SearchFields.Terms })
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var word = iterator.Term.Utf8ToString();
                if (word.Length < 2 || word.Any(char.IsDigit))
                {
                    continue;
                }

                words[word] = words.GetValueOrDefault(word) + iterator.DocFreq;
            }
        }

        _vocabulary = (reader, words);
        return words;
    }

    /// <summary>Levenshtein distance with adjacent transpositions, giving up (limit + 1) once it exceeds <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, d.ContentItemId, Field.Store.YES),
            new StoredField(SearchFields.Type, d.ContentType),
            new TextField(SearchFields.Title, VietnameseAnalyzer.Normalize(d.Title), Field.Store.YES),
            new StoredField(SearchFields.Published, d.Published ? "1" : "0"),
            new StoredField(SearchFields.ModifiedTicks, d.ModifiedUtc.Ticks),
            new NumericDocValuesField(SearchFields.SortDate, (d.PublishedUtc ?? d.ModifiedUtc).Ticks),
            new SortedDocValuesField(SearchFields.SortTitle, new BytesRef(SortKey(d.Title))),
        };
        if (d.PublishedUtc is { } published)
        {
            doc.Add(new StoredField(SearchFields.PublishedTicks, published.Ticks));
        }

        if (!string.IsNullOrWhiteSpace(d.Summary))
        {
            doc.Add(new TextField(SearchFields.Summary, VietnameseAnalyzer.Normalize(d.Summary), Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.Body))
        {
            doc.Add(new TextField(SearchFields.Body, VietnameseAnalyzer.Normalize(d.Body), Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.AttachmentText))
        {
            doc.Add(new TextField(SearchFields.Attachments, VietnameseAnalyzer.Normalize(d.AttachmentText), Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.Path))
        {
            doc.Add(new StoredField(SearchFields.Path, d.Path));
        }

        if (!string.IsNullOrWhiteSpace(d.OrganizationId))
        {
            doc.Add(new StoredField(SearchFields.Organization, d.OrganizationId));
        }

        var labels = d.TermNames.Concat(new[] { d.OrganizationName, d.DistrictName }).Where(s => !string.IsNullOrWhiteSpace(s));
        var labelText = string.Join(" \n ", labels);
        if (labelText.Length > 0)
        {
            doc.Add(new TextField(SearchFields.Terms, VietnameseAnalyzer.Normalize(labelText), Field.Store.NO));
        }

        foreach (var text in new[] { d.Title, d.Summary, labelText, d.Body, d.AttachmentText })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                doc.Add(new Field(SearchFields.All, VietnameseAnalyzer.Normalize(text), AllFieldType));
            }
        }

        var facets = new HashSet<(string, string)>();
        facets.Add((SearchFacets.Type, d.ContentType));
        if (!string.IsNullOrWhiteSpace(d.OrganizationId))
        {
            facets.Add((SearchFacets.Organization, d.OrganizationId));
        }

        if (!string.IsNullOrWhiteSpace(d.DistrictId))
        {
            facets.Add((SearchFacets.District, d.DistrictId));
        }

        if (d.Exemplary)
        {
            facets.Add((SearchFacets.Exemplary, "true"));
        }

        foreach (var (facet, values) in d.Terms)
        {
            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                facets.Add((facet, value));
            }
        }

        foreach (var (facet, value) in facets)
        {
            doc.Add(new StringField(SearchFields.Filter(facet), value, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.Facets, new BytesRef(facet + SearchFields.FacetSeparator + value)));
        }

        return doc;
    }

    private static FieldType CreateAllFieldType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>Title order: folded, lower case (so "Đàm Hà" sorts with D), then as written.</summary>
    private static string SortKey(string title)
    {
        var lower = VietnameseAnalyzer.Normalize(title).Trim().ToLowerInvariant();
        var key = VietnameseAnalyzer.Fold(lower) + "\u0001" + lower;
        return key.Length > 200 ? key[..200] : key;
    }

    /// <summary>
    /// Counts facet values over every matching document. Each segment's facet values (doc values) are read once into
    /// flat arrays, cached for the life of the segment, so counting is a tight loop over array slots.
    /// </summary>
    private sealed class FacetCountingCollector : ICollector
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, SegmentFacets> Cache = new();

        private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
        private SegmentFacets? _segment;
        private int[]? _segmentCounts;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            var reader = context.AtomicReader;
            _segment = Cache.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Read(reader));
            _segmentCounts = new int[_segment.Facets.Length];
        }

        public void Collect(int doc)
        {
            var segment = _segment!;
            var counts = _segmentCounts!;
            var ords = segment.Ords;
            for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
            {
                counts[ords[i]]++;
            }
        }

        public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
        {
            Flush();
            return _counts.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<FacetCount>)kv.Value.Select(v => new FacetCount(v.Key, v.Value))
                    .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
        }

        private void Flush()
        {
            if (_segment is null || _segmentCounts is null)
            {
                return;
            }

            for (var ord = 0; ord < _segmentCounts.Length; ord++)
            {
                var count = _segmentCounts[ord];
                if (count == 0)
                {
                    continue;
                }

                var (facet, value) = _segment.Facets[ord];
                if (!_counts.TryGetValue(facet, out var values))
                {
                    values = new Dictionary<string, int>(StringComparer.Ordinal);
                    _counts.Add(facet, values);
                }

                values[value] = values.GetValueOrDefault(value) + count;
            }

            _segment = null;
            _segmentCounts = null;
        }
    }

    /// <summary>A segment's facet values: for document d, <c>Ords[Starts[d]..Starts[d + 1]]</c> index <see cref="Facets"/>.</summary>
    private sealed class SegmentFacets
    {
        public required int[] Starts { get; init; }
        public required int[] Ords { get; init; }
        public required (string Facet, string Value)[] Facets { get; init; }

        public static SegmentFacets Read(AtomicReader reader)
        {
            var values = reader.GetSortedSetDocValues(SearchFields.Facets);
            var starts = new int[reader.MaxDoc + 1];
            if (values is null)
            {
                return new SegmentFacets { Starts = starts, Ords = [], Facets = [] };
            }

            var ords = new List<int>(reader.MaxDoc * 8);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ords.Count;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add((int)ord);
                }
            }

            starts[reader.MaxDoc] = ords.Count;
            var facets = new (string, string)[values.ValueCount];
            var bytes = new BytesRef();
            for (var ord = 0; ord < facets.Length; ord++)
            {
                values.LookupOrd(ord, bytes);
                var text = bytes.Utf8ToString();
                var separator = text.IndexOf(SearchFields.FacetSeparator);
                facets[ord] = separator <= 0 ? ("", text) : (text[..separator], text[(separator + 1)..]);
            }

            return new SegmentFacets { Starts = starts, Ords = ords.ToArray(), Facets = facets };
        }
    }
}
