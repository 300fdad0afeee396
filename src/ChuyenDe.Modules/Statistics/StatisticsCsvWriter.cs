using System.Globalization;
using System.Text;
using ChuyenDe.Modules.Reports.Consolidation;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// A statistics table as CSV, as the consolidation writes it (<see cref="ConsolidationCsvWriter"/>'s quoting and
/// formula guard): RFC 4180, UTF-8 with a byte-order mark so that Excel reads Vietnamese letters. A header row (the
/// row heading, then the columns), one row per row of the table, then the totals row when it has one. Numbers are
/// invariant (12.5, no thousands separator), no figure is an empty field.
/// </summary>
public sealed class StatisticsCsvWriter
{
    public const string ContentType = ConsolidationCsvWriter.ContentType;

    public byte[] Write(StatisticsTable table)
        => [.. ConsolidationCsvWriter.Encoding.GetPreamble(), .. ConsolidationCsvWriter.Encoding.GetBytes(Text(table))];

    /// <summary>The CSV text, without the byte-order mark.</summary>
    public string Text(StatisticsTable table)
    {
        var builder = new StringBuilder();
        builder.Append(ConsolidationCsvWriter.Line([ConsolidationCsvWriter.Safe(table.RowHeading), .. table.Columns.Select(ConsolidationCsvWriter.Safe)]));
        foreach (var row in table.Totals is { } totals ? [.. table.Rows, totals] : table.Rows)
        {
            builder.Append(ConsolidationCsvWriter.Line([ConsolidationCsvWriter.Safe(row.Label), .. row.Values.Select(Number)]));
        }

        return builder.ToString();
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
