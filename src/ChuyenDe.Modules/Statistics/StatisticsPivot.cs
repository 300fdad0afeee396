using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// Counts items into a table of rows × columns: a cell is the number of items having that row's and that column's
/// value; the total column and the totals row count each item once (an item with two criteria groups counts in both
/// rows, and once in the total). Every value of both axes is shown, empty ones as 0; items without a value are shown
/// in a "none" group only when there are any. Keys an item has that the axis does not list (a term since removed)
/// are counted in the "none" group too.
/// </summary>
internal static class StatisticsPivot
{
    /// <summary>The key of the total column.</summary>
    public const string TotalKey = "tong";

    public static StatisticsTable Count(
        string id, string title, string description, string valueLabel, string totalLabel,
        PivotAxis rows, PivotAxis columns, IReadOnlyList<PublishedItemFact> items, string? note)
    {
        var rowKeys = rows.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var columnKeys = columns.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var placed = items.Select(i => (
                Rows: rows.Keys(i).Select(k => rowKeys.Contains(k) ? k : PivotAxis.NoneKey).Distinct().ToList(),
                Columns: columns.Keys(i).Select(k => columnKeys.Contains(k) ? k : PivotAxis.NoneKey).Distinct().ToList()))
            .ToList();

        var rowValues = rows.Values.ToList();
        if (placed.Any(p => p.Rows.Contains(PivotAxis.NoneKey)))
        {
            rowValues.Add((PivotAxis.NoneKey, rows.NoneLabel));
        }

        var columnValues = columns.Values.ToList();
        if (placed.Any(p => p.Columns.Contains(PivotAxis.NoneKey)))
        {
            columnValues.Add((PivotAxis.NoneKey, columns.NoneLabel));
        }

        var tableRows = rowValues.Select(r =>
        {
            var inRow = placed.Where(p => p.Rows.Contains(r.Key)).ToList();
            var values = columnValues.Select(c => (decimal?)inRow.Count(p => p.Columns.Contains(c.Key))).ToList();
            values.Add(inRow.Count);
            return new StatisticsRow(r.Key, r.Label, values);
        }).ToList();

        var totals = columnValues.Select(c => (decimal?)placed.Count(p => p.Columns.Contains(c.Key))).ToList();
        totals.Add(placed.Count);
        return new StatisticsTable(id, title, description, rows.Heading, valueLabel,
            [.. columnValues.Select(c => c.Label), totalLabel], tableRows, ChartKind.StackedBar)
        {
            TotalColumn = true,
            ColumnKeys = [.. columnValues.Select(c => c.Key), TotalKey],
            Totals = new StatisticsRow("", totalLabel, totals),
            Note = note,
        };
    }
}
