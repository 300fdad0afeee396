using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace ChuyenDe.Modules.Contents;

/// <summary>JSON conventions of the content store: Orchard Core's property names, dates in UTC ISO 8601.</summary>
public static class ContentJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static JsonNode? Date(DateTime? value)
        => value is { } v ? JsonValue.Create(Utc(v).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture)) : null;

    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static string? ReadString(JsonObject json, string name, string path)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        throw new ContentFormatException($"{path}.{name}", "Expected a string.");
    }

    public static bool? ReadBool(JsonObject json, string name, string path)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        throw new ContentFormatException($"{path}.{name}", "Expected true or false.");
    }

    public static DateTime? ReadDate(JsonObject json, string name, string path)
    {
        var text = ReadString(json, name, path);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        throw new ContentFormatException($"{path}.{name}", "Expected an ISO 8601 date.");
    }

    public static bool TryParseDate(string text, out DateTime utc)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>
    /// Builds every object and array below <paramref name="node"/> now: a parsed <see cref="JsonObject"/> creates its
    /// properties on first read, which is not safe from several threads — done before a node is shared between requests.
    /// </summary>
    public static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Materialize(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
