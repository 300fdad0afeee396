namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// The page <c>/admin/thong-ke/luot-xem</c>: the report and its tables, the filter as entered (dates as yyyy-MM-dd),
/// what could not be read in it, the district offices offered, and the export addresses for the same filter.
/// </summary>
public sealed record AnalyticsPageView(
    AnalyticsReport Report,
    IReadOnlyList<AnalyticsTable> Tables,
    string From,
    string To,
    string? DistrictId,
    string Granularity,
    IReadOnlyList<string> Errors,
    IReadOnlyList<(string Id, string Name)> Districts,
    string QueryString)
{
    /// <summary>How many rows of the per-item table the page shows (the exports have them all).</summary>
    public const int ItemRowsShown = 100;
}
