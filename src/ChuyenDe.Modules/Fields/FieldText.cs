using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Fields;

/// <summary>Small readers of field JSON shared by the drivers.</summary>
public static class FieldText
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The non-empty strings of a JSON array.</summary>
    public static List<string> Strings(JsonNode? node)
        => node is JsonArray array ? array.Select(Text).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList() : [];

    /// <summary>A text's lines (any line ending); none for an empty text.</summary>
    public static IReadOnlyList<string> SplitLines(string? text)
        => string.IsNullOrEmpty(text)
            ? []
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    /// <summary>A number stored as a JSON number or an invariant string (how the diff reads it).</summary>
    public static bool TryNumber(JsonNode node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }

        return value.TryGetValue(out string? s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }
}
