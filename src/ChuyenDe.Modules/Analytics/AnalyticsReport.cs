namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// The views and downloads a user may see for a filter: per item (most viewed first), per unit (most viewed first, units
/// without any included) and over time (<see cref="Series"/>, one point per day or month), with the totals.
/// </summary>
public sealed record AnalyticsReport(
    AnalyticsFilter Filter,
    IReadOnlyList<ItemCounts> Items,
    IReadOnlyList<UnitCounts> Units,
    IReadOnlyList<PeriodCounts> Series)
{
    public long TotalViews => Series.Sum(p => p.Views);
    public long TotalDownloads => Series.Sum(p => p.Downloads);
}
