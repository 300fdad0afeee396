namespace ChuyenDe.Modules.Analytics;

/// <summary>Settings of the view and download counts (configuration section <c>ChuyenDe:Statistics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "ChuyenDe:Statistics";

    /// <summary>
    /// How often the counts kept in memory are written to the database (they are also written when the site stops, and
    /// before the statistics page reads them). A node that stops without a clean shutdown loses at most this much.
    /// </summary>
    public TimeSpan ViewFlushInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many (client, item) pairs one day remembers to count each client once (16 bytes of hash each, with the set's
    /// overhead about 64 bytes); beyond that, new clients are not counted that day, so a flood of made-up clients
    /// neither grows memory nor inflates the counts without bound.
    /// </summary>
    public int MaxClientsPerDay { get; set; } = 500_000;
}
