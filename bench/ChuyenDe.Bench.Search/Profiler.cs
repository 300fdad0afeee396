using System.Diagnostics;
using System.Reflection;
using ChuyenDe.Modules.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChuyenDe.Bench.Search;

/// <summary>
/// <c>--profile</c>: where the time of <see cref="SearchIndex.Search"/> goes. Replays each query of the mix step by step
/// the way the engine runs it — its own (internal) query builder called through reflection, the same filter, first
/// pass, facet counting, rescoring, stored fields and snippet settings — on a reader of the same index, timing each
/// step next to the engine's own total for the same request, then times a few alternatives ("what if"). A diagnostic:
/// the steps copy the engine's pipeline as of this benchmark, so compare "sum" with "engine" before trusting them.
/// </summary>
internal static class Profiler
{
    private const int PageSize = 12;
    private static readonly string[] Stages = ["build", "filter", "first pass", "+facets", "rescore", "stored docs", "snippets", "sum", "engine"];

    private static readonly string[] WhatIfs =
    [
        "count only",         // the first-pass query counted without scores or facets: the floor of an exact total
        "first pass ∥",       // the first pass (top N with total, no facets) with segments searched in parallel
        "rescore 36",         // rescoring only the first 36 candidates (3 pages) instead of the engine's window
        "projected",          // the engine's steps with that smaller rescore window
    ];

    public static void Run(SearchIndex index, string folder, IReadOnlyList<BenchQuery> mix, int rounds, bool quiet)
    {
        Engine engine;
        try
        {
            engine = Engine.Bind();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or MissingMemberException or TypeLoadException)
        {
            Console.WriteLine($"(profile unavailable: the engine's internals changed: {e.Message})");
            return;
        }

        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var parallel = new IndexSearcher(reader, TaskScheduler.Default);
        var requests = mix.Select(Documents.Request).ToList();
        var times = new double[mix.Count, Stages.Length];
        var whatIfs = new double[mix.Count, WhatIfs.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < mix.Count; q++)
            {
                var request = requests[q];
                var stage = new double[Stages.Length];
                var whatIf = new double[WhatIfs.Length];
                var t = Stopwatch.GetTimestamp();
                var words = engine.QueryWords(request.Query);
                var match = words.Count == 0 ? null : engine.BuildMatch(words, 0);
                var full = words.Count == 0 ? null : engine.Build(words, 0);
                stage[0] = Lap(ref t);

                var filter = engine.Filter(request);
                Query query = match ?? new MatchAllDocsQuery();
                if (filter.Clauses.Count > 0)
                {
                    query = new FilteredQuery(query, new QueryWrapperFilter(filter));
                }

                stage[1] = Lap(ref t);

                var relevance = request.Sort == SearchSort.Relevance && words.Count > 0;
                var (collector, top) = TopCollector(request.Sort, relevance ? Math.Max(PageSize, engine.RescoreWindow) : PageSize);
                searcher.Search(query, collector);
                top();
                stage[2] = Lap(ref t);

                (collector, top) = TopCollector(request.Sort, relevance ? Math.Max(PageSize, engine.RescoreWindow) : PageSize);
                var facets = new CachedFacetCounter(engine.FacetsField);
                searcher.Search(query, MultiCollector.Wrap(collector, facets));
                var first = top();
                facets.Result();
                stage[3] = Math.Max(0, Lap(ref t) - stage[2]);

                var page = first.ScoreDocs;
                if (relevance)
                {
                    var candidates = first.ScoreDocs.Take(engine.RescoreWindow).ToArray();
                    page = QueryRescorer.Rescore(searcher, new TopDocs(first.TotalHits, candidates, first.MaxScore), full, 10.0, candidates.Length).ScoreDocs;
                }

                stage[4] = Lap(ref t);

                var loaded = page.Take(PageSize).Select(d => searcher.Doc(d.Doc)).ToList();
                stage[5] = Lap(ref t);

                if (words.Count > 0)
                {
                    foreach (var doc in loaded)
                    {
                        _ = engine.Snippet(words, doc.Get(engine.Body))
                            ?? engine.Snippet(words, doc.Get(engine.Attachments))
                            ?? engine.Snippet(words, doc.Get(engine.Summary));
                    }
                }

                stage[6] = Lap(ref t);
                stage[7] = stage[..7].Sum();
                index.Search(request);
                stage[8] = Lap(ref t);

                var count = new TotalHitCountCollector();
                searcher.Search(match is null ? query : Filtered(new ConstantScoreQuery(match), filter), count);
                whatIf[0] = Lap(ref t);

                if (relevance)
                {
                    parallel.Search(query, Math.Max(PageSize, engine.RescoreWindow));
                    whatIf[1] = Lap(ref t);
                }
                else
                {
                    whatIf[1] = double.NaN;
                }

                if (relevance)
                {
                    var candidates = first.ScoreDocs.Take(36).ToArray();
                    QueryRescorer.Rescore(searcher, new TopDocs(first.TotalHits, candidates, first.MaxScore), full, 10.0, candidates.Length);
                    whatIf[2] = Lap(ref t);
                }
                else
                {
                    whatIf[2] = double.NaN;
                }

                whatIf[3] = stage[7] - stage[4] + (relevance ? whatIf[2] : stage[4]);
                for (var s = 0; s < Stages.Length; s++)
                {
                    times[q, s] += stage[s] / rounds;
                }

                for (var w = 0; w < WhatIfs.Length; w++)
                {
                    whatIfs[q, w] += whatIf[w] / rounds;
                }
            }
        }

        if (quiet)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"profile: mean ms per query over {rounds} rounds, {reader.Leaves.Count} segments (\"+facets\" = first pass with the facet collector minus without)");
        Print(mix, Stages, times, 11);
        Console.WriteLine();
        Console.WriteLine("what if (mean ms per query, same queries; \"first pass ∥\" and \"rescore 36\" for relevance-sorted queries only):");
        Print(mix, WhatIfs, whatIfs, 16);
        Console.WriteLine($"p95 over the mix of per-query means: engine {Percentile95(Column(times, mix.Count, 8)):0.00} ms; " +
            $"projected with rescore 36 {Percentile95(Column(whatIfs, mix.Count, 3)):0.00} ms");
        Console.WriteLine();
        Console.WriteLine("slowest queries (engine mean ms; first pass + facets ms; snippets ms):");
        foreach (var q in Enumerable.Range(0, mix.Count).OrderByDescending(q => times[q, 8]).Take(8))
        {
            Console.WriteLine($"  {times[q, 8],8:0.00} {times[q, 2] + times[q, 3],8:0.00} {times[q, 6],8:0.00}  [{Format.KindName(mix[q].Kind)}] {mix[q]}");
        }
    }

    private static void Print(IReadOnlyList<BenchQuery> mix, string[] columns, double[,] values, int width)
    {
        Console.WriteLine($"{"",-16} " + string.Join(" ", columns.Select(c => c.PadLeft(width))));
        foreach (QueryKind? kind in Enum.GetValues<QueryKind>().Cast<QueryKind?>().Append(null))
        {
            var rows = Enumerable.Range(0, mix.Count).Where(q => kind is null || mix[q].Kind == kind).ToList();
            Console.WriteLine($"{Format.KindName(kind),-16} " + string.Join(" ", Enumerable.Range(0, columns.Length)
                .Select(c => Mean(rows.Select(q => values[q, c])).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture).PadLeft(width))));
        }
    }

    private static IEnumerable<double> Column(double[,] values, int rows, int column) => Enumerable.Range(0, rows).Select(q => values[q, column]);

    private static double Mean(IEnumerable<double> values)
    {
        var known = values.Where(v => !double.IsNaN(v)).ToList();
        return known.Count == 0 ? double.NaN : known.Average();
    }

    private static double Percentile95(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static double Lap(ref long timestamp)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(timestamp, now).TotalMilliseconds;
        timestamp = now;
        return ms;
    }

    private static Query Filtered(Query query, BooleanQuery filter) =>
        filter.Clauses.Count > 0 ? new FilteredQuery(query, new QueryWrapperFilter(filter)) : query;

    private static (ICollector Collector, Func<TopDocs> Top) TopCollector(SearchSort sort, int size)
    {
        if (sort == SearchSort.Relevance)
        {
            var collector = TopScoreDocCollector.Create(size, docsScoredInOrder: false);
            return (collector, () => collector.GetTopDocs());
        }

        var byDate = new Sort(new SortField("sortdate", SortFieldType.INT64, reverse: sort != SearchSort.Oldest));
        var fields = TopFieldCollector.Create(byDate, size, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
        return (fields, () => fields.GetTopDocs());
    }

    /// <summary>The engine's internal pieces the profile replays, found by name.</summary>
    private sealed class Engine
    {
        public required Func<string?, IReadOnlyList<string>> QueryWords { get; init; }
        public required Func<IReadOnlyList<string>, int, Query> BuildMatch { get; init; }
        public required Func<IReadOnlyList<string>, int, Query> Build { get; init; }
        public required Func<IReadOnlyList<string>, string?, string?> Snippet { get; init; }
        public required string Id { get; init; }
        public required string Body { get; init; }
        public required string Attachments { get; init; }
        public required string Summary { get; init; }
        public required string FacetsField { get; init; }
        public required string FilterPrefix { get; init; }
        public required int RescoreWindow { get; init; }

        public static Engine Bind()
        {
            var assembly = typeof(SearchIndex).Assembly;
            var builder = assembly.GetType("ChuyenDe.Modules.Search.SearchQueryBuilder", throwOnError: true)!;
            var fields = assembly.GetType("ChuyenDe.Modules.Search.SearchFields", throwOnError: true)!;
            T Const<T>(Type type, string name) => type.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() is T value
                ? value
                : throw new MissingMemberException(type.Name, name);
            MethodInfo Method(string name) => builder.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new MissingMemberException(builder.Name, name);
            var queryWords = Method("QueryWords");
            var buildMatch = Method("BuildMatch");
            var build = Method("Build");
            var snippets = assembly.GetType("ChuyenDe.Modules.Search.SnippetBuilder", throwOnError: true)!;
            var snippet = snippets.GetMethod("Build", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new MissingMemberException(snippets.Name, "Build");
            var searcher = assembly.GetType("ChuyenDe.Modules.Search.SearchIndexSearcher", throwOnError: true)!;
            var snippetLength = Const<int>(searcher, "SnippetLength");
            var maxSnippetSource = Const<int>(searcher, "MaxSnippetSource");
            return new Engine
            {
                QueryWords = q => (IReadOnlyList<string>)queryWords.Invoke(null, [q])!,
                BuildMatch = (w, m) => (Query)buildMatch.Invoke(null, [w, m])!,
                Build = (w, m) => (Query)build.Invoke(null, [w, m])!,
                Snippet = (w, text) => string.IsNullOrWhiteSpace(text)
                    ? null
                    : (string?)snippet.Invoke(null, [VietnameseAnalyzer.Normalize(text), w, snippetLength, maxSnippetSource]),
                Id = Const<string>(fields, "Id"),
                Body = Const<string>(fields, "Body"),
                Attachments = Const<string>(fields, "Attachments"),
                Summary = Const<string>(fields, "Summary"),
                FacetsField = Const<string>(fields, "Facets"),
                FilterPrefix = Const<string>(fields, "FilterPrefix"),
                RescoreWindow = Const<int>(searcher, "RescoreWindow"),

            };
        }

        public BooleanQuery Filter(SearchRequest request)
        {
            var filter = new BooleanQuery();
            foreach (var (facet, values) in request.Filters)
            {
                if (values.Count == 1)
                {
                    filter.Add(new TermQuery(new Term(FilterPrefix + facet, values[0])), Occur.MUST);
                    continue;
                }

                var any = new BooleanQuery(disableCoord: true);
                foreach (var value in values)
                {
                    any.Add(new TermQuery(new Term(FilterPrefix + facet, value)), Occur.SHOULD);
                }

                filter.Add(any, Occur.MUST);
            }

            if (request.ExemplaryOnly)
            {
                filter.Add(new TermQuery(new Term(FilterPrefix + SearchFacets.Exemplary, "true")), Occur.MUST);
            }

            return filter;
        }
    }

    /// <summary>Per segment, every document's facet ordinals as flat arrays, built once (segments never change).</summary>
    private sealed class OrdinalCache
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, OrdinalCache> Caches = new();

        public required int[] Start { get; init; }
        public required int[] Ords { get; init; }
        public required string[] Keys { get; init; }

        public static OrdinalCache? Of(AtomicReader reader, string field)
        {
            if (reader.GetSortedSetDocValues(field) is null)
            {
                return null;
            }

            return Caches.GetValue(reader.CoreCacheKey, _ =>
            {
                var values = reader.GetSortedSetDocValues(field);
                var start = new int[reader.MaxDoc + 1];
                var ords = new List<int>(reader.MaxDoc * 12);
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    start[doc] = ords.Count;
                    values.SetDocument(doc);
                    long ord;
                    while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    {
                        ords.Add((int)ord);
                    }
                }

                start[reader.MaxDoc] = ords.Count;
                var keys = new string[values.ValueCount];
                var bytes = new BytesRef();
                for (var ord = 0; ord < keys.Length; ord++)
                {
                    values.LookupOrd(ord, bytes);
                    keys[ord] = bytes.Utf8ToString();
                }

                return new OrdinalCache { Start = start, Ords = [.. ords], Keys = keys };
            });
        }
    }

    /// <summary>Facet counting from <see cref="OrdinalCache"/> (as the engine's collector does).</summary>
    private sealed class CachedFacetCounter(string field) : ICollector
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private OrdinalCache? _cache;
        private int[]? _segment;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _cache = OrdinalCache.Of(context.AtomicReader, field);
            _segment = _cache is null ? null : new int[_cache.Keys.Length];
        }

        public void Collect(int doc)
        {
            if (_cache is null)
            {
                return;
            }

            var ords = _cache.Ords;
            var counts = _segment!;
            for (int j = _cache.Start[doc], end = _cache.Start[doc + 1]; j < end; j++)
            {
                counts[ords[j]]++;
            }
        }

        public int Result()
        {
            Flush();
            return _counts.Count;
        }

        private void Flush()
        {
            if (_cache is null || _segment is null)
            {
                return;
            }

            for (var ord = 0; ord < _segment.Length; ord++)
            {
                if (_segment[ord] > 0)
                {
                    _counts[_cache.Keys[ord]] = _counts.GetValueOrDefault(_cache.Keys[ord]) + _segment[ord];
                }
            }

            _cache = null;
            _segment = null;
        }
    }
}
