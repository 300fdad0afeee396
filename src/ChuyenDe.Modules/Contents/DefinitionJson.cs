using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

public static class DefinitionJson
{
    /// <summary>Reads settings written by Orchard Core, which stores some numbers as strings.</summary>
    public static readonly JsonSerializerOptions Lenient = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public static int Position(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => 0,
    };
}
