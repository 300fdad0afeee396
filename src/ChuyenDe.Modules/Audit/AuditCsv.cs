using System.Text;

namespace ChuyenDe.Modules.Audit;

/// <summary>
/// CSV as RFC 4180 has it (comma, CRLF, every field in double quotes with quotes doubled), UTF-8 with a byte-order
/// mark so that Excel reads Vietnamese letters, and no cell that a spreadsheet would run as a formula.
/// </summary>
public static class AuditCsv
{
    /// <summary>UTF-8 that writes the byte-order mark first.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// A cell: text starting with = + - @ (or a tab or carriage return, which spreadsheets skip before a formula)
    /// gets a leading apostrophe so that it stays text; then it is quoted.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell)) + "\r\n";
}
