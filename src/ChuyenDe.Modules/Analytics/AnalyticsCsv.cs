using System.Globalization;
using System.Text;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// A table as CSV: RFC 4180 (comma, CRLF, a field quoted when it holds a comma, a quote or a line break, quotes doubled),
/// UTF-8 with a byte-order mark so that Excel reads Vietnamese letters, numbers invariant (1234), and no text that a
/// spreadsheet would run as a formula (a leading apostrophe).
/// </summary>
public static class AnalyticsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 that writes the byte-order mark first.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(AnalyticsTable table)
    {
        var text = new StringBuilder();
        text.Append(Line(table.Headers));
        foreach (var row in table.Rows)
        {
            text.Append(Line(row));
        }

        text.Append(Line(table.Totals));
        return [.. Encoding.GetPreamble(), .. Encoding.GetBytes(text.ToString())];
    }

    private static string Line(IEnumerable<object?> cells) => string.Join(",", cells.Select(Field)) + "\r\n";

    private static string Field(object? cell)
    {
        var text = cell switch
        {
            null => "",
            long number => number.ToString(CultureInfo.InvariantCulture),
            _ => Safe(cell.ToString() ?? ""),
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Safe(string text)
        => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' ? "'" + text : text;
}
