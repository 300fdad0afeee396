using System.Text;
using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>
/// The units' figures as CSV: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, a quote or a line break,
/// quotes doubled), UTF-8 with a byte-order mark so that Excel reads Vietnamese letters. One header row (the unit's
/// level, its group's level when grouped, then each indicator's name and unit), one row per unit, then the overall row
/// added up by each indicator's rule. Numbers are invariant (12.5, no thousands separator), yes/no are Có/Không, a
/// missing value is an empty field; a text that a spreadsheet would run as a formula (= + - @) gets a leading
/// apostrophe.
/// </summary>
public sealed class ConsolidationCsvWriter(IStringLocalizer<ConsolidationResources> t)
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 that writes the byte-order mark first.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public async Task WriteAsync(ConsolidationInput input, Stream output, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.GetPreamble().Concat(Encoding.GetBytes(Text(input))).ToArray();
        await output.WriteAsync(bytes, cancellationToken);
    }

    public void Write(ConsolidationInput input, Stream output)
    {
        output.Write(Encoding.GetPreamble());
        output.Write(Encoding.GetBytes(Text(input)));
    }

    /// <summary>The CSV text, without the byte-order mark.</summary>
    public string Text(ConsolidationInput input)
    {
        var table = new ConsolidationTable(input, t);
        var builder = new StringBuilder();
        var header = new List<string?> { Safe(table.UnitLevelName) };
        if (table.IsGrouped)
        {
            header.Add(Safe(table.GroupLevelName));
        }

        header.AddRange(table.Indicators.Select(i => Safe(ConsolidationTable.Heading(i))));
        builder.Append(Line(header));

        var units = table.IsGrouped ? table.Groups.SelectMany(g => g.Units.Select(u => (Unit: u, Group: g.Name))) : table.Input.Units.Select(u => (Unit: u, Group: ""));
        foreach (var (unit, group) in units)
        {
            var row = new List<string?> { Safe(unit.Name) };
            if (table.IsGrouped)
            {
                row.Add(Safe(group));
            }

            row.AddRange(table.Indicators.Select(i => ConsolidationTable.NumberOf(i, unit) is { } number ? IndicatorEntries.Normalise(number) : Safe(table.TextOf(i, unit))));
            builder.Append(Line(row));
        }

        var totals = new List<string?> { Safe(table.OverallName) };
        if (table.IsGrouped)
        {
            totals.Add("");
        }

        totals.AddRange(table.Indicators.Select(i => ConsolidationTable.HasFigure(i) && table.Overall[i.Key].Value is { } value ? IndicatorEntries.Normalise(value) : ""));
        builder.Append(Line(totals));
        return builder.ToString();
    }

    /// <summary>A field quoted as RFC 4180 asks: only when it holds a comma, a quote, a line break or leading/trailing spaces.</summary>
    public static string Field(string? value)
    {
        var text = value ?? "";
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    /// <summary>A text that a spreadsheet would take for a formula gets a leading apostrophe.</summary>
    public static string? Safe(string? text)
        => text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' ? "'" + text : text;
}
