namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// One table of the statistics as the page, the CSV file and the workbook show it: its key (<c>noi-dung</c>, <c>don-vi</c>,
/// <c>thoi-gian</c>), its name, the column headers, the rows and a totals row; a cell is a text, a whole number (long) or null.
/// </summary>
public sealed record AnalyticsTable(
    string Key,
    string Name,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<object?> Totals);
