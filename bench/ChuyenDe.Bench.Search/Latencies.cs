namespace ChuyenDe.Bench.Search;

/// <summary>Collected durations of one kind of operation, in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _values = [];
    private double[]? _sorted;

    public int Count => _values.Count;

    public void Add(TimeSpan elapsed)
    {
        _values.Add(elapsed.TotalMilliseconds);
        _sorted = null;
    }

    public void AddRange(Latencies other)
    {
        _values.AddRange(other._values);
        _sorted = null;
    }

    /// <summary>Nearest-rank percentile (p in 0..100); NaN when empty.</summary>
    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        _sorted ??= [.. _values.Order()];
        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();
}
