namespace ChuyenDe.Bench.Load;

/// <summary>The figures of one run at a fixed rate (latency measured from each request's scheduled time).</summary>
public sealed record RunResult(double TargetRate, double Seconds, IReadOnlyList<Sample> Samples)
{
    public int Count => Samples.Count;

    public int Errors => Samples.Count(s => s.Error is not null);

    /// <summary>Anonymous requests answered per second (the stepped rate; the editors' saves come on top).</summary>
    public double AchievedRate => Samples.Count(s => s.Kind != RequestKind.Edit) / Seconds;

    public int Edits => Samples.Count(s => s.Kind == RequestKind.Edit);

    public double P50 => Percentile(Samples, 0.50);

    public double P99 => Percentile(Samples, 0.99);

    public double Max => Samples.Count == 0 ? 0 : Samples.Max(s => s.LatencyMs);

    public double P99Of(RequestKind kind) => Percentile(Samples.Where(s => s.Kind == kind).ToList(), 0.99);

    /// <summary>The errors by reason, most frequent first.</summary>
    public string ErrorSummary() => string.Join("; ", Samples.Where(s => s.Error is not null)
        .GroupBy(s => $"{s.Kind}: {s.Error}")
        .OrderByDescending(g => g.Count())
        .Take(5)
        .Select(g => $"{g.Count()} × {g.Key}"));

    private static double Percentile(IReadOnlyCollection<Sample> samples, double fraction)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        var sorted = samples.Select(s => s.LatencyMs).Order().ToArray();
        var index = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
