using System.Globalization;

namespace ChuyenDe.Bench.Search;

/// <summary>What one corpus size measured.</summary>
internal sealed record SizeResult(
    int Size,
    double ItemsPerSecond,
    double RebuildItemsPerSecond,
    long IndexBytes,
    IReadOnlyList<BenchQuery> Mix,
    Latencies[] Engine,
    int[] Totals,
    Latencies[] Naive,
    int[] NaiveTotals)
{
    public Latencies EngineOf(QueryKind? kind) => Pool(Engine, kind);

    public Latencies NaiveOf(QueryKind? kind) => Pool(Naive, kind);

    private Latencies Pool(Latencies[] latencies, QueryKind? kind)
    {
        var pooled = new Latencies();
        for (var q = 0; q < Mix.Count; q++)
        {
            if (kind is null || Mix[q].Kind == kind)
            {
                pooled.AddRange(latencies[q]);
            }
        }

        return pooled;
    }
}

internal static class Format
{
    public static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms < 10 ? ms.ToString("0.00", CultureInfo.InvariantCulture) : ms.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>How many times faster the engine is than the naive scan (below 1: slower).</summary>
    public static string Ratio(double naive, double engine)
    {
        var ratio = naive / engine;
        return double.IsNaN(ratio) ? "-" : (ratio < 1 ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : ratio.ToString("0.0", CultureInfo.InvariantCulture)) + "x";
    }

    public static string KindName(QueryKind? kind) => kind switch
    {
        QueryKind.SingleWord => "single word",
        QueryKind.TwoWords => "two words",
        QueryKind.Phrase => "phrase",
        QueryKind.Folded => "folded",
        QueryKind.Faceted => "facet-filtered",
        QueryKind.Highlighted => "highlighted",
        _ => "overall",
    };
}

internal static class Report
{
    private static readonly QueryKind?[] Rows =
        [QueryKind.SingleWord, QueryKind.TwoWords, QueryKind.Phrase, QueryKind.Folded, QueryKind.Faceted, QueryKind.Highlighted, null];

    public static void Size(SizeResult result, bool details)
    {
        Console.WriteLine();
        Console.WriteLine($"{"latency (ms)",-16} {"samples",7} {"p50",7} {"p95",7} {"p99",7} {"max",7} | {"naive p50",9} {"naive p95",9} | {"naive/engine p50",16}");
        foreach (var kind in Rows)
        {
            var engine = result.EngineOf(kind);
            var naive = result.NaiveOf(kind);
            Console.WriteLine($"{Format.KindName(kind),-16} {engine.Count,7} {Format.Ms(engine.Percentile(50)),7} {Format.Ms(engine.Percentile(95)),7} " +
                $"{Format.Ms(engine.Percentile(99)),7} {Format.Ms(engine.Percentile(100)),7} | {Format.Ms(naive.Percentile(50)),9} {Format.Ms(naive.Percentile(95)),9} | " +
                $"{Format.Ratio(naive.Percentile(50), engine.Percentile(50)),16}");
        }

        if (!details)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"{"query",-70} {"p50",7} {"p95",7} {"hits",8} {"naive",8} {"naive p50",9}");
        for (var q = 0; q < result.Mix.Count; q++)
        {
            var text = $"[{Format.KindName(result.Mix[q].Kind)}] {result.Mix[q]}";
            Console.WriteLine($"{(text.Length > 70 ? text[..69] + "…" : text),-70} {Format.Ms(result.Engine[q].Percentile(50)),7} " +
                $"{Format.Ms(result.Engine[q].Percentile(95)),7} {result.Totals[q],8} {result.NaiveTotals[q],8} {Format.Ms(result.Naive[q].Percentile(50)),9}");
        }
    }

    public static void Summary(IReadOnlyList<SizeResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("== summary (latency in ms, every query of the mix pooled) ==");
        Console.WriteLine($"{"items",9} {"index items/s",13} {"+merge",8} {"index MB",8} | {"p50",6} {"p95",6} {"p99",6} | {"naive p50",9} {"naive p95",9} | {"naive/engine p50",16} {"p95",6}");
        foreach (var result in results)
        {
            var engine = result.EngineOf(null);
            var naive = result.NaiveOf(null);
            Console.WriteLine($"{Format.Count(result.Size),9} {result.ItemsPerSecond,13:#,0} {result.RebuildItemsPerSecond,8:#,0} {result.IndexBytes / 1048576.0,8:0.0} | " +
                $"{Format.Ms(engine.Percentile(50)),6} {Format.Ms(engine.Percentile(95)),6} {Format.Ms(engine.Percentile(99)),6} | " +
                $"{Format.Ms(naive.Percentile(50)),9} {Format.Ms(naive.Percentile(95)),9} | {Format.Ratio(naive.Percentile(50), engine.Percentile(50)),16} {Format.Ratio(naive.Percentile(95), engine.Percentile(95)),6}");
        }

        Console.WriteLine();
        Console.WriteLine("p95 by kind:");
        Console.WriteLine($"{"items",9} " + string.Join(" ", Rows.Select(k => $"{Format.KindName(k),14}")));
        foreach (var result in results)
        {
            Console.WriteLine($"{Format.Count(result.Size),9} " + string.Join(" ", Rows.Select(k => $"{Format.Ms(result.EngineOf(k).Percentile(95)),14}")));
        }
    }

    public static void Goals(IReadOnlyList<Verdict> verdicts)
    {
        Console.WriteLine();
        Console.WriteLine("== goals ==");
        foreach (var verdict in verdicts)
        {
            var mark = verdict.Pass switch { true => "PASS", false => "FAIL", null => "n/a " };
            Console.WriteLine($"{mark}  {verdict.Goal,-42} {verdict.Detail}");
        }
    }
}

internal sealed record Verdict(string Goal, bool? Pass, string Detail);

internal static class Goals
{
    public const double MinItemsPerSecond = 1_000;
    public const double MaxP95At100k = 10;
    public const double MaxGrowth10kTo100k = 3.5;

    public static IReadOnlyList<Verdict> Check(IReadOnlyList<SizeResult> results)
    {
        var verdicts = new List<Verdict>();
        var slowest = results.MinBy(r => r.ItemsPerSecond);
        verdicts.Add(slowest is null
            ? new Verdict("indexing >= 1,000 items/s", null, "nothing indexed")
            : new Verdict("indexing >= 1,000 items/s", slowest.ItemsPerSecond >= MinItemsPerSecond,
                string.Join("; ", results.Select(r => $"{r.ItemsPerSecond:#,0} items/s at {Format.Count(r.Size)}")) +
                " (add + commit; with the merge to one segment: " +
                string.Join("; ", results.Select(r => $"{r.RebuildItemsPerSecond:#,0}")) + ")"));

        var at10k = results.FirstOrDefault(r => r.Size == 10_000);
        var at100k = results.FirstOrDefault(r => r.Size == 100_000);
        if (at100k is null)
        {
            verdicts.Add(new Verdict("p95 <= 10 ms at 100k", null, "100,000 not in --sizes"));
        }
        else
        {
            var p95 = at100k.EngineOf(null).Percentile(95);
            verdicts.Add(new Verdict("p95 <= 10 ms at 100k", p95 <= MaxP95At100k, $"p95 {Format.Ms(p95)} ms"));
        }

        if (at10k is null || at100k is null)
        {
            verdicts.Add(new Verdict("p95 at 100k <= 3.5 x p95 at 10k", null, "needs 10,000 and 100,000 in --sizes"));
        }
        else
        {
            var small = at10k.EngineOf(null).Percentile(95);
            var large = at100k.EngineOf(null).Percentile(95);
            verdicts.Add(new Verdict("p95 at 100k <= 3.5 x p95 at 10k", large <= MaxGrowth10kTo100k * small,
                $"{Format.Ms(large)} ms / {Format.Ms(small)} ms = {large / small:0.00} x"));
        }

        return verdicts;
    }
}
