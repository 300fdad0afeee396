// Issue 6 benchmark: indexes a deterministic synthetic Vietnamese corpus of 1k, 10k and 100k items with the search
// module's real analyzer and index (SearchIndex on a temporary folder on disk; add + commit, then merged to one
// segment as the site's rebuild does), then times a fixed query mix (single word, two words, phrase, folded,
// facet-filtered, highlighted) against it and, as the reference, a naive linear scan over the same in-memory corpus.
// Checks the goals: indexing >= 1,000 items/s; p95 <= 10 ms at 100k; p95 at 100k <= 3.5 x p95 at 10k.
//
//   flock /tmp/chuyende-build.lock dotnet run -c Release --project bench/ChuyenDe.Bench.Search [-- options]
//
// Options: --sizes 1000,10000   corpus sizes (default 1000,10000,100000)
//          --rounds 25          measured rounds of the query mix per size (48 queries a round)
//          --seed 20261204      corpus seed
//          --details            latency and hit count of every query of the mix
//          --profile            where a query's time goes (query building, first pass, facets, rescoring, stored
//                               fields, snippets) and what-ifs
//          --keep               keep the index folders (printed) instead of deleting them
// Exit code: 0 PASS, 1 FAIL, 2 bad arguments.
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ChuyenDe.Bench.Search;
using ChuyenDe.Modules.Search;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is FormatException or OverflowException)
{
    Console.WriteLine($"ERROR: {e.Message}");
    Console.WriteLine("usage: dotnet run -c Release --project bench/ChuyenDe.Bench.Search [-- --sizes 1000,10000,100000] [--rounds 25] [--seed N] [--details] [--profile] [--keep]");
    return 2;
}

#if DEBUG
Console.WriteLine("WARNING: Debug build; the figures mean nothing. Run with -c Release.");
#endif
Console.WriteLine($"Search benchmark: sizes {string.Join(", ", options.Sizes.Select(Format.Count))}; seed {options.Seed}; " +
    $"{options.Rounds} measured rounds of the query mix; {Environment.ProcessorCount} cores; .NET {Environment.Version}; " +
    $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");

var root = Path.Combine(Path.GetTempPath(), $"chuyende-bench-search-{Environment.ProcessId}");
Directory.CreateDirectory(root);
var results = new List<SizeResult>();
try
{
    // JIT (up to the optimised tier) and first-use costs (analyzer, codecs, snippets) are paid on a throw-away index.
    WarmUp(options, Path.Combine(root, "warm-up"));

    foreach (var size in options.Sizes)
    {
        results.Add(RunSize(size, options, Path.Combine(root, size.ToString(CultureInfo.InvariantCulture))));
    }
}
finally
{
    if (!options.Keep)
    {
        TryDelete(root);
    }
    else
    {
        Console.WriteLine($"Index folders kept under {root}");
    }
}

Report.Summary(results);
var verdicts = Goals.Check(results);
Report.Goals(verdicts);
var failed = verdicts.Any(v => v.Pass == false);
Console.WriteLine(failed ? "FAIL" : "PASS");
return failed ? 1 : 0;

static void WarmUp(Options options, string folder)
{
    var corpus = CorpusGenerator.Generate(2_000, options.Seed + 1);
    using (var index = SearchIndex.Open(folder))
    {
        foreach (var item in corpus)
        {
            index.AddOrUpdate(Documents.From(item));
        }

        index.Commit();
        index.ForceMerge();
        index.Commit();
        var mix = QueryMix.Build(new CorpusGenerator(options.Seed + 1));
        var naive = new NaiveScan(corpus);
        for (var round = 0; round < 5; round++)
        {
            foreach (var query in mix)
            {
                index.Search(Documents.Request(query));
                naive.Search(query);
            }
        }

        if (options.Profile)
        {
            Profiler.Run(index, folder, mix, 2, quiet: true);
        }
    }

    TryDelete(folder);
}

static SizeResult RunSize(int size, Options options, string folder)
{
    Console.WriteLine();
    Console.WriteLine($"== {Format.Count(size)} items ==");
    var watch = Stopwatch.StartNew();
    var generator = new CorpusGenerator(options.Seed);
    var corpus = new List<BenchItem>(size);
    for (var i = 0; i < size; i++)
    {
        corpus.Add(generator.Next());
    }

    var checksum = Checksum(corpus);
    var documents = corpus.Select(Documents.From).ToList();
    var words = corpus.Sum(i => (long)i.WordCount);
    var withAttachments = corpus.Count(i => i.AttachmentText is not null);
    Console.WriteLine($"corpus: generated in {watch.Elapsed.TotalSeconds:0.0} s; {words / (double)size:0} words an item; " +
        $"{withAttachments * 100.0 / size:0}% with attachment text; types " +
        string.Join(", ", corpus.GroupBy(i => i.ContentType).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")) +
        $"; checksum {checksum:x16}");

    // The corpus is not kept while the engine is timed (a heap of ~1 GB at 100k would slow every garbage collection
    // of the engine's queries); it is generated again, identically, for the naive scan.
    corpus.Clear();
    corpus.TrimExcess();

    Collect();
    watch.Restart();
    using var index = SearchIndex.Open(folder);
    foreach (var document in documents)
    {
        index.AddOrUpdate(document);
    }

    index.Commit();
    var indexing = watch.Elapsed;

    // As the site's rebuild does (SearchIndexer): merge down to one segment after the bulk load, then commit.
    watch.Restart();
    index.ForceMerge();
    index.Commit();
    var merging = watch.Elapsed;
    var indexBytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"indexing: {indexing.TotalSeconds:0.00} s = {size / indexing.TotalSeconds:#,0} items/s " +
        $"({words / indexing.TotalSeconds / 1e6:0.00} M words/s; add + commit); merging to one segment {merging.TotalSeconds:0.00} s " +
        $"(a rebuild as the site does it: {size / (indexing + merging).TotalSeconds:#,0} items/s); index on disk {indexBytes / 1048576.0:0.0} MB; " +
        $"{index.DocumentCount} documents; load average {LoadAverage()}");
    documents.Clear();
    documents.TrimExcess();

    var mix = QueryMix.Build(generator);
    var requests = mix.Select(Documents.Request).ToList();

    // Warm-up on this index: page cache, per-segment caches, the tiered JIT's second tier.
    for (var round = 0; round < 3; round++)
    {
        foreach (var request in requests)
        {
            index.Search(request);
        }
    }

    Collect();
    var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
    var measured = Stopwatch.StartNew();
    var engine = mix.Select(_ => new Latencies()).ToArray();
    var totals = new int[mix.Count];
    for (var round = 0; round < options.Rounds; round++)
    {
        for (var q = 0; q < mix.Count; q++)
        {
            var start = Stopwatch.GetTimestamp();
            var found = index.Search(requests[q]);
            engine[q].Add(Stopwatch.GetElapsedTime(start));
            totals[q] = found.Total;
        }
    }

    measured.Stop();
    Console.WriteLine($"queries: {options.Rounds * mix.Count} in {measured.Elapsed.TotalSeconds:0.0} s; garbage collections meanwhile: " +
        $"gen0 {GC.CollectionCount(0) - gcBefore.Gen0}, gen1 {GC.CollectionCount(1) - gcBefore.Gen1}, gen2 {GC.CollectionCount(2) - gcBefore.Gen2}, " +
        $"paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:0} ms; load average {LoadAverage()}");

    // The reference: the same queries by a linear scan of the in-memory corpus, within a time budget.
    corpus = CorpusGenerator.Generate(size, options.Seed);
    if (Checksum(corpus) != checksum)
    {
        throw new InvalidOperationException("The corpus generated again differs from the indexed one: the generator is not deterministic.");
    }

    watch.Restart();
    var naive = new NaiveScan(corpus);
    var preparation = watch.Elapsed;
    var scan = mix.Select(_ => new Latencies()).ToArray();
    var naiveTotals = new int[mix.Count];
    foreach (var query in mix.Take(4))
    {
        naive.Search(query);
    }

    Collect();
    watch.Restart();
    var naiveRounds = 0;
    do
    {
        for (var q = 0; q < mix.Count; q++)
        {
            var start = Stopwatch.GetTimestamp();
            naiveTotals[q] = naive.Search(mix[q]).Total;
            scan[q].Add(Stopwatch.GetElapsedTime(start));
        }

        naiveRounds++;
    }
    while (naiveRounds < options.Rounds && watch.Elapsed < TimeSpan.FromSeconds(15));

    Console.WriteLine($"naive scan: folded the corpus in {preparation.TotalSeconds:0.0} s; {naiveRounds} rounds of the mix");

    var result = new SizeResult(size, size / indexing.TotalSeconds, size / (indexing + merging).TotalSeconds, indexBytes, mix, engine, totals, scan, naiveTotals);
    Report.Size(result, options.Details);
    if (options.Profile)
    {
        Profiler.Run(index, folder, mix, Math.Min(options.Rounds, 10), quiet: false);
    }

    return result;
}

/// <summary>FNV-1a over every item's id, title, body and attachment text: equal corpora, equal checksums.</summary>
static ulong Checksum(IEnumerable<BenchItem> items)
{
    var hash = 14695981039346656037UL;
    foreach (var item in items)
    {
        foreach (var text in new[] { item.Id, item.Title, item.Summary, item.Body, item.AttachmentText ?? "" })
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }
    }

    return hash;
}

static string LoadAverage()
{
    try
    {
        return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "-";
    }
    catch (IOException)
    {
        return "-";
    }
}

static void Collect()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static void TryDelete(string folder)
{
    try
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    catch (IOException e)
    {
        Console.WriteLine($"(could not delete {folder}: {e.Message})");
    }
}

internal sealed record Options(int[] Sizes, int Rounds, ulong Seed, bool Details, bool Profile, bool Keep)
{
    public static Options Parse(string[] args)
    {
        var sizes = new[] { 1_000, 10_000, 100_000 };
        var rounds = 25;
        var seed = 20261204UL;
        bool details = false, profile = false, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                    sizes = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
                        .ToArray();
                    if (sizes.Length == 0 || sizes.Any(s => s < 100 || s > 2_000_000))
                    {
                        throw new FormatException("--sizes takes sizes between 100 and 2,000,000, e.g. --sizes 1000,10000");
                    }

                    break;
                case "--rounds":
                    rounds = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    if (rounds < 1)
                    {
                        throw new FormatException("--rounds must be at least 1");
                    }

                    break;
                case "--seed":
                    seed = ulong.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--details":
                    details = true;
                    break;
                case "--profile":
                    profile = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    throw new FormatException($"unknown option '{args[i]}'");
            }
        }

        return new Options(sizes, rounds, seed, details, profile, keep);
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new FormatException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}
