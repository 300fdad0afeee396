namespace ChuyenDe.Modules.Analytics;

/// <summary>What the statistics of views and downloads cover: a period of days (both included, in the site's time zone), optionally one district office and what is below it, and the step of the time series.</summary>
public sealed record AnalyticsFilter(DateOnly From, DateOnly To, string? DistrictId = null, AnalyticsGranularity Granularity = AnalyticsGranularity.Day);
