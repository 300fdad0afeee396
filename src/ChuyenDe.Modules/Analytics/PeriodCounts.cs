namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Views and downloads of one step of the time series (a day, or a calendar month cut to the period: <see cref="Start"/>
/// to <see cref="End"/>, both included). Every step of the period has one, zeros included, in order: the points of a line chart.
/// </summary>
public sealed record PeriodCounts(DateOnly Start, DateOnly End, long Views, long Downloads);
