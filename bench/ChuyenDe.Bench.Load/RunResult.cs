using System.Collections.Concurrent;

namespace ChuyenDe.Bench.Load;

/// <summary>
/// The figures of one run at a fixed rate (latency measured from each request's scheduled time), filled from many
/// threads while the run lasts: a latency histogram per kind of request and the errors counted by reason.
/// </summary>
public sealed class RunResult(double targetRate, double seconds)
{
    private readonly LatencyHistogram[] _latencies = Enum.GetValues<RequestKind>().Select(_ => new LatencyHistogram()).ToArray();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    public double TargetRate { get; } = targetRate;

    public double Seconds { get; } = seconds;

    /// <summary>How far behind its schedule the generator was at worst when it sent a request, in ms (its own limit).</summary>
    public double DispatchLagMs { get; set; }

    public long Count => _latencies.Sum(h => h.Count);

    public int Errors => _errors.Values.Sum();

    /// <summary>Anonymous requests answered per second (the stepped rate; the editors' saves come on top).</summary>
    public double AchievedRate => (Count - Edits) / Seconds;

    public long Edits => Of(RequestKind.Edit).Count;

    public double P50 => LatencyHistogram.Percentile(_latencies, 0.50);

    public double P99 => LatencyHistogram.Percentile(_latencies, 0.99);

    public double Max => _latencies.Max(h => h.Max);

    public double P99Of(RequestKind kind) => LatencyHistogram.Percentile([Of(kind)], 0.99);

    /// <summary>A shorter result that also receives what this one records (a soak's current minute), or null.</summary>
    public RunResult? Window
    {
        get => Volatile.Read(ref _window);
        set => Volatile.Write(ref _window, value);
    }

    private RunResult? _window;

    /// <summary>Records one answered (or failed) request.</summary>
    public void Add(RequestKind kind, double latencyMs, string? error)
    {
        Window?.Add(kind, latencyMs, error);
        Of(kind).Add(latencyMs);
        if (error is not null)
        {
            _errors.AddOrUpdate($"{kind}: {error}", 1, (_, n) => n + 1);
        }
    }

    /// <summary>The errors by reason, most frequent first.</summary>
    public string ErrorSummary() => string.Join("; ", _errors
        .OrderByDescending(e => e.Value)
        .Take(5)
        .Select(e => $"{e.Value} × {e.Key}"));

    private LatencyHistogram Of(RequestKind kind) => _latencies[(int)kind];
}
