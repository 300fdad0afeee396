using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChuyenDe.Modules.Library.StructuredData;

/// <summary>
/// The schema.org JSON-LD blocks of a public page (<c>&lt;script type="application/ld+json"&gt;</c> in its head). A
/// page adds its nodes with <see cref="Add"/>; the layout writes each one, and the page's BreadcrumbList, with
/// <see cref="Serialize"/>. Nodes are built as <see cref="JsonObject"/>s and written by <c>System.Text.Json</c>, never
/// by joining strings.
/// </summary>
public static class JsonLd
{
    public const string Context = "https://schema.org";

    /// <summary>The key of the page's nodes (a <see cref="List{JsonObject}"/>) in its view data.</summary>
    public const string Key = "JsonLd";

    /// <summary>
    /// Keeps Vietnamese letters readable but escapes every character that means something to HTML (<c>&lt;</c>,
    /// <c>&gt;</c>, <c>&amp;</c>, quotes): the encoders of <c>System.Text.Encodings.Web</c> always escape them, so user
    /// text such as <c>&lt;/script&gt;</c> is written <c>\u003C/script\u003E</c> and cannot end the script element.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>Adds a node (with its own <c>@context</c>) to the page's JSON-LD.</summary>
    public static void Add(ViewDataDictionary viewData, JsonObject node) => Append(viewData, Key, node);

    /// <summary>The nodes a page added.</summary>
    public static IReadOnlyList<JsonObject> Nodes(ViewDataDictionary viewData)
        => viewData[Key] as List<JsonObject> ?? [];

    /// <summary>The key of the page's nodes already written by <see cref="Serialize"/> (a <see cref="List{String}"/>).</summary>
    public const string WrittenKey = "JsonLdWritten";

    /// <summary>Adds a node already written by <see cref="Serialize"/> (an item page's node, kept with its display model).</summary>
    public static void AddWritten(ViewDataDictionary viewData, string json) => Append(viewData, WrittenKey, json);

    /// <summary>The written nodes a page added.</summary>
    public static IReadOnlyList<string> Written(ViewDataDictionary viewData)
        => viewData[WrittenKey] as List<string> ?? [];

    // The page's list under the key, made at the first value.
    private static void Append<T>(ViewDataDictionary viewData, string key, T value)
    {
        if (viewData[key] is not List<T> values)
        {
            values = [];
            viewData[key] = values;
        }

        values.Add(value);
    }

    /// <summary>A node as the text of a script element: JSON whose HTML-significant characters are all escaped.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A new top-level node of the given type(s), with the schema.org context.</summary>
    public static JsonObject Node(params string[] types) => new()
    {
        ["@context"] = Context,
        ["@type"] = Type(types),
    };

    /// <summary>A nested node (no context) of the given type(s).</summary>
    public static JsonObject Thing(params string[] types) => new() { ["@type"] = Type(types) };

    private static JsonNode Type(string[] types)
        => types.Length == 1 ? JsonValue.Create(types[0]) : new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());

    /// <summary>Sets a text property when the value is not empty (trimmed).</summary>
    public static JsonObject Text(this JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[name] = value.Trim();
        }

        return node;
    }

    /// <summary>Sets a property to the nodes or texts when there are any: one value as itself, several as an array.</summary>
    public static JsonObject Many(this JsonObject node, string name, IEnumerable<JsonNode> values)
    {
        var list = values.ToList();
        if (list.Count == 1)
        {
            node[name] = list[0];
        }
        else if (list.Count > 1)
        {
            node[name] = new JsonArray([.. list]);
        }

        return node;
    }

    /// <summary>A UTC time as ISO 8601 in the site's time zone, with its offset (<c>2026-03-29T08:00:00+07:00</c>).</summary>
    public static string Date(DateTime utc, TimeZoneInfo zone)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}
