using System.Globalization;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>How the editors read typed values (numbers, dates, times in the site's time zone) and write them back.</summary>
public static class FormText
{
    /// <summary>The value format of a <c>date</c> input.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The value format of a <c>datetime-local</c> input.</summary>
    public const string DateTimeFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "H:mm d/M/yyyy", "H:mm, d/M/yyyy",
    ];

    /// <summary>A number as typed: 10.5 (as browsers send it) or Vietnamese 10,5 and 1.234,5.</summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        text = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(text, plain | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)
               || decimal.TryParse(text, plain | NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("vi-VN"), out number);
    }

    /// <summary>A date as typed: as a <c>date</c> input sends it, or day first (29/03/2026).</summary>
    public static bool TryParseDate(string text, out DateTime date)
        => DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date and time typed in the site's time zone, as UTC.</summary>
    public static bool TryParseLocalDateTime(string text, TimeZoneInfo timeZone, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        try
        {
            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone);
            return true;
        }
        catch (ArgumentException)
        {
            // A time that does not exist in the zone (skipped by a daylight-saving change).
            return false;
        }
    }

    public static string FormatUtc(DateTime utc)
        => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC time as the value of a <c>datetime-local</c> input in the site's time zone.</summary>
    public static string? LocalDateTime(string? stored, TimeZoneInfo timeZone)
        => !string.IsNullOrEmpty(stored) && ContentJson.TryParseDate(stored, out var utc)
            ? TimeZoneInfo.ConvertTimeFromUtc(utc, timeZone).ToString(DateTimeFormat, CultureInfo.InvariantCulture)
            : null;

    /// <summary>A stored date (<c>2023-03-29T00:00:00</c>) as the value of a <c>date</c> input: the calendar date as written.</summary>
    public static string? LocalDate(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        if (stored.Length >= 10 && DateTime.TryParseExact(stored[..10], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString(DateFormat, CultureInfo.InvariantCulture);
        }

        return ContentJson.TryParseDate(stored, out var parsed) ? parsed.ToString(DateFormat, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A one-line value as typed, trimmed.</summary>
    public static string Line(string value) => value.Trim();

    /// <summary>A text area's value with its line endings as <c>\n</c>, without trailing blanks.</summary>
    public static string Multiline(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();

    /// <summary>The non-empty values of a list, trimmed, each once, in order.</summary>
    public static List<string> Distinct(IEnumerable<string> values)
        => values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The values added to a list since it was stored, trimmed, each once.</summary>
    public static List<string> Added(IEnumerable<string> posted, IReadOnlyCollection<string> before)
        => posted.Select(v => v.Trim()).Where(v => v.Length > 0 && !before.Contains(v)).Distinct().ToList();

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Whether a checkbox was ticked.</summary>
    public static bool Ticked(IReadOnlyList<string> values) => values.Any(v => v is "true" or "on");

    public static void SetOrRemove(JsonObject json, string property, string value)
    {
        if (value.Length == 0)
        {
            json.Remove(property);
        }
        else
        {
            json[property] = value;
        }
    }
}
