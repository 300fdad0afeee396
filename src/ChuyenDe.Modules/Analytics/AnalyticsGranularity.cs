namespace ChuyenDe.Modules.Analytics;

/// <summary>The step of the time series: one point per day or per calendar month.</summary>
public enum AnalyticsGranularity
{
    Day,
    Month,
}
