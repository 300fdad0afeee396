namespace ChuyenDe.Bench.Pages;

/// <summary>One URL measured in every round: which server and page it is, and its wrk results, one per round.</summary>
public sealed class Measure(string run, string name, string path, Uri url)
{
    public string Run { get; } = run;
    public string Name { get; } = name;
    public string Path { get; } = path;
    public Uri Url { get; } = url;
    public List<WrkResult> Rounds { get; } = [];

    /// <summary>The round with the median rate (the lower middle one for an even count).</summary>
    public WrkResult Median => Rounds.OrderBy(r => r.RequestsPerSecond).ElementAt((Rounds.Count - 1) / 2);

    /// <summary>Errors of every round.</summary>
    public long Errors => Rounds.Sum(r => r.Errors);
}
