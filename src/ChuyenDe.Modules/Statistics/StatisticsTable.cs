using ChuyenDe.Modules.Charts;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// A table of the statistics page and the chart drawn from it. <see cref="Columns"/> are the column headings after the
/// row heading; when <see cref="TotalColumn"/> the last one is the rows' total, and <see cref="Totals"/> is the totals
/// row. The chart takes the rows as categories and the columns (all but the total, or those of
/// <see cref="ChartColumns"/>) as series; with <see cref="ChartByColumns"/> the other way round (a line across rounds).
/// </summary>
public sealed record StatisticsTable(
    string Id,
    string Title,
    string Description,
    string RowHeading,
    string ValueLabel,
    IReadOnlyList<string> Columns,
    IReadOnlyList<StatisticsRow> Rows,
    ChartKind ChartKind)
{
    public StatisticsRow? Totals { get; init; }

    public bool TotalColumn { get; init; }

    /// <summary>The stable keys of the columns (e.g. term ids, type names; "" for a "none" group), when they have any.</summary>
    public IReadOnlyList<string>? ColumnKeys { get; init; }

    /// <summary>The value of a row and column by their keys (tests and other modules read figures this way).</summary>
    public decimal? Value(string rowKey, string columnKey)
        => Rows.FirstOrDefault(r => r.Key == rowKey) is { } row && ColumnKeys?.ToList().IndexOf(columnKey) is { } index and >= 0 ? row.Values[index] : null;

    /// <summary>The columns the chart shows (by index); null = all but the total column.</summary>
    public IReadOnlyList<int>? ChartColumns { get; init; }

    public bool ChartByColumns { get; init; }

    /// <summary>What the columns are (e.g. "Đợt báo cáo"): the category axis of a chart drawn by columns.</summary>
    public string? ColumnHeading { get; init; }

    /// <summary>How the figures were counted, shown under the table.</summary>
    public string? Note { get; init; }

    /// <summary>Values with decimals (medians, averages); otherwise whole numbers.</summary>
    public bool Fractional { get; init; }

    public IReadOnlyList<int> ChartedColumns
        => ChartColumns ?? Enumerable.Range(0, TotalColumn ? Columns.Count - 1 : Columns.Count).ToList();

    /// <summary>The chart of this table, with the same numbers.</summary>
    public ChartModel ToChart()
    {
        var columns = ChartedColumns;
        if (ChartByColumns)
        {
            return new ChartModel(Id, ChartKind, Title, Description, ColumnHeading ?? RowHeading, ValueLabel,
                columns.Select(c => Columns[c]).ToList(),
                Rows.Select(r => new ChartSeries(r.Label, columns.Select(c => r.Values[c]).ToList())).ToList());
        }

        return new ChartModel(Id, ChartKind, Title, Description, RowHeading, ValueLabel,
            Rows.Select(r => r.Label).ToList(),
            columns.Select(c => new ChartSeries(Columns[c], Rows.Select(r => r.Values[c]).ToList())).ToList());
    }
}
