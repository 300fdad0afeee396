namespace ChuyenDe.Bench.Load;

/// <summary>
/// Latencies counted in buckets 1 % wide (from 0.1 ms to 10 minutes), safe to add to from many threads: a run of
/// millions of requests keeps a few thousand counters instead of every sample, so the load generator's own memory and
/// garbage collection stay flat however long it runs. Percentiles are exact to 1 %.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 0.1;
    private static readonly double Step = Math.Log(1.01);
    private static readonly int Buckets = (int)Math.Ceiling(Math.Log(600_000 / Smallest) / Step) + 1;

    private readonly long[] _counts = new long[Buckets];
    private long _count;
    private long _maxMicroseconds;

    public long Count => Interlocked.Read(ref _count);

    public double Max => Interlocked.Read(ref _maxMicroseconds) / 1000.0;

    public void Add(double milliseconds)
    {
        Interlocked.Increment(ref _counts[IndexOf(milliseconds)]);
        Interlocked.Increment(ref _count);
        var micro = (long)(milliseconds * 1000);
        var max = Interlocked.Read(ref _maxMicroseconds);
        while (micro > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicroseconds, micro, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The latency under which <paramref name="fraction"/> of the requests of all <paramref name="histograms"/> fall.</summary>
    public static double Percentile(IReadOnlyCollection<LatencyHistogram> histograms, double fraction)
    {
        var total = histograms.Sum(h => h.Count);
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(fraction * total);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            foreach (var h in histograms)
            {
                seen += Interlocked.Read(ref h._counts[i]);
            }

            if (seen >= rank)
            {
                // The bucket's upper bound, never above the largest latency seen.
                return Math.Min(UpperBound(i), histograms.Max(h => h.Max));
            }
        }

        return histograms.Max(h => h.Max);
    }

    private static int IndexOf(double milliseconds) =>
        milliseconds <= Smallest ? 0 : Math.Min((int)Math.Ceiling(Math.Log(milliseconds / Smallest) / Step), Buckets - 1);

    private static double UpperBound(int index) => Smallest * Math.Exp(index * Step);
}
