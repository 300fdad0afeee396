using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// A content item version in Orchard Core's shape: metadata properties beside the parts, each part a JSON object
/// named after the part, fields nested inside their part.
/// </summary>
public sealed class ContentItem
{
    internal static readonly HashSet<string> MetadataProperties = new(StringComparer.Ordinal)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author", "Id",
    };

    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public string Owner { get; set; } = "";
    public string Author { get; set; } = "";

    /// <summary>The parts, keyed by part name; each value a JSON object.</summary>
    public JsonObject Content { get; private set; } = new();

    /// <summary>The JSON object of a part, created when missing.</summary>
    public JsonObject GetOrCreatePart(string partName)
    {
        if (Content[partName] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        Content[partName] = created;
        return created;
    }

    public JsonObject? Part(string partName) => Content[partName] as JsonObject;

    /// <summary>The organisation the item belongs to (<c>OrganizationPart.OrganizationId</c>), or null.</summary>
    public string? OrganizationId
        => ContentParts.OrganizationId(this);

    /// <summary>A field's JSON object inside a part, or null.</summary>
    public JsonObject? Field(string partName, string fieldName) => Part(partName)?[fieldName] as JsonObject;

    public JsonObject GetOrCreateField(string partName, string fieldName)
    {
        var part = GetOrCreatePart(partName);
        if (part[fieldName] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        part[fieldName] = created;
        return created;
    }

    /// <summary>Typed view of a part or field object (a copy: write back with <see cref="Apply{T}"/>).</summary>
    public T? As<T>(string partName) where T : class
        => Part(partName) is { } node ? node.Deserialize<T>(ContentJson.Options) : null;

    public void Apply<T>(string partName, T value)
        => Content[partName] = JsonSerializer.SerializeToNode(value, ContentJson.Options);

    /// <summary>A deep copy with the same identity and flags.</summary>
    public ContentItem Clone()
    {
        var copy = (ContentItem)MemberwiseClone();
        copy.Content = (JsonObject)Content.DeepClone();
        return copy;
    }

    /// <summary>The whole item as Orchard Core JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = ContentItemId,
            ["ContentItemVersionId"] = ContentItemVersionId,
            ["ContentType"] = ContentType,
            ["DisplayText"] = DisplayText,
            ["Latest"] = Latest,
            ["Published"] = Published,
            ["ModifiedUtc"] = ContentJson.Date(ModifiedUtc),
            ["PublishedUtc"] = ContentJson.Date(PublishedUtc),
            ["CreatedUtc"] = ContentJson.Date(CreatedUtc),
            ["Owner"] = Owner,
            ["Author"] = Author,
        };
        foreach (var (name, value) in Content)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>Only the parts, as stored in the version row's JSON column.</summary>
    public string ContentToJsonString() => Content.ToJsonString(ContentJson.Options);

    internal void SetContent(JsonObject content) => Content = content;

    /// <summary>Reads an item in Orchard Core JSON; throws <see cref="ContentFormatException"/> with a JSON path.</summary>
    public static ContentItem FromJson(JsonObject json, string path = "$")
    {
        var item = new ContentItem
        {
            ContentItemId = ContentJson.ReadString(json, "ContentItemId", path) ?? "",
            ContentItemVersionId = ContentJson.ReadString(json, "ContentItemVersionId", path) ?? "",
            ContentType = ContentJson.ReadString(json, "ContentType", path) ?? "",
            DisplayText = ContentJson.ReadString(json, "DisplayText", path) ?? "",
            Latest = ContentJson.ReadBool(json, "Latest", path) ?? false,
            Published = ContentJson.ReadBool(json, "Published", path) ?? false,
            ModifiedUtc = ContentJson.ReadDate(json, "ModifiedUtc", path),
            PublishedUtc = ContentJson.ReadDate(json, "PublishedUtc", path),
            CreatedUtc = ContentJson.ReadDate(json, "CreatedUtc", path),
            Owner = ContentJson.ReadString(json, "Owner", path) ?? "",
            Author = ContentJson.ReadString(json, "Author", path) ?? "",
        };
        foreach (var (name, value) in json)
        {
            if (MetadataProperties.Contains(name))
            {
                continue;
            }

            if (value is not JsonObject)
            {
                throw new ContentFormatException($"{path}.{name}", "A part must be a JSON object.");
            }

            item.Content[name] = value.DeepClone();
        }

        return item;
    }
}
