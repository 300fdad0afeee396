namespace ChuyenDe.Bench.Load;

/// <summary>What one setup (one node or two) gave: the knee's steps, the soak and its memory samples per node.</summary>
public sealed class SetupResult(string name)
{
    public string Name { get; } = name;

    public List<RunResult> Steps { get; } = [];

    /// <summary>The highest stepped rate with p99 under the bound and no error; null when even the first failed.</summary>
    public double? Knee { get; set; }

    /// <summary>Whether the rate held was given (<c>--soak-rate</c>) instead of searched.</summary>
    public bool KneeGiven { get; set; }

    /// <summary>The soak that counts: the last one tried (it held, or the tries ran out).</summary>
    public RunResult? Soak { get; set; }

    /// <summary>Soaks given up (a minute with an error or a p99 over the bound) before the one that counts: rate and why.</summary>
    public List<(double Rate, string Why)> GivenUp { get; } = [];

    /// <summary>Why the soak that counts was given up too (the tries ran out), or null when it held.</summary>
    public string? SoakGivenUp { get; set; }

    /// <summary>RssAnon samples during the soak: seconds since its start, bytes of each node.</summary>
    public List<(double Seconds, long[] Bytes)> Memory { get; } = [];

    /// <summary>Why the setup could not be measured, or null.</summary>
    public string? Failure { get; set; }

    /// <summary>
    /// Per node: the average of the last <paramref name="window"/> seconds of the soak against the average of the
    /// window after its first (the first is the new rate's warm-up: the collector's budgets adapt to it, buffers and
    /// caches fill); the largest growth of the nodes, as a fraction.
    /// </summary>
    public (double Growth, long FirstBytes, long LastBytes) MemoryGrowth(double window)
    {
        if (Memory.Count < 2)
        {
            return (0, 0, 0);
        }

        var end = Memory[^1].Seconds;
        var first = Memory.Where(m => m.Seconds >= window && m.Seconds <= 2 * window).ToList();
        if (first.Count == 0 || end < 3 * window)
        {
            return (0, 0, 0);
        }

        var last = Memory.Where(m => m.Seconds >= end - window).ToList();
        var nodes = Memory[0].Bytes.Length;
        var worst = (Growth: double.MinValue, First: 0L, Last: 0L);
        for (var node = 0; node < nodes; node++)
        {
            var before = first.Average(m => (double)m.Bytes[node]);
            var after = last.Average(m => (double)m.Bytes[node]);
            var growth = after / before - 1;
            if (growth > worst.Growth)
            {
                worst = (growth, (long)before, (long)after);
            }
        }

        return worst;
    }
}
