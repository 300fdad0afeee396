using System.Text.Json.Nodes;
using ChuyenDe.Modules.Caching;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

internal sealed class ContentDefinitionManager(DbContext db, ReferenceDataCache shared) : IContentDefinitionManager
{
    /// <summary>The key of the parsed type definitions in the <see cref="ReferenceDataCache"/> (shared, read-only).</summary>
    public const string CacheKey = "Contents.Definitions";

    private Dictionary<string, ContentTypeDefinition>? _types;

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypeDefinitionsAsync(CancellationToken ct = default)
        => (await LoadAsync(ct)).Values.OrderBy(t => t.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();

    public async Task<ContentTypeDefinition?> GetTypeDefinitionAsync(string name, CancellationToken ct = default)
        => (await LoadAsync(ct)).GetValueOrDefault(name);

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartDefinitionsAsync(CancellationToken ct = default)
    {
        var records = await db.Set<ContentPartDefinitionRecord>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return records.Select(r => ParsePart(JsonNode.Parse(r.Json)!.AsObject())).ToList();
    }

    public async Task<ContentPartDefinition?> GetPartDefinitionAsync(string name, CancellationToken ct = default)
        => await GetPartJsonAsync(name, ct) is { } json ? ParsePart(json) : null;

    public async Task<JsonObject?> GetTypeJsonAsync(string name, CancellationToken ct = default)
    {
        var record = await db.Set<ContentTypeDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == name, ct);
        return record is null ? null : JsonNode.Parse(record.Json)!.AsObject();
    }

    public async Task<JsonObject?> GetPartJsonAsync(string name, CancellationToken ct = default)
    {
        var record = await db.Set<ContentPartDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == name, ct);
        return record is null ? null : JsonNode.Parse(record.Json)!.AsObject();
    }

    public async Task<bool> StoreTypeAsync(JsonObject typeJson, CancellationToken ct = default)
    {
        var name = typeJson["Name"]!.GetValue<string>();
        var json = typeJson.ToJsonString(ContentJson.Options);
        var record = await db.Set<ContentTypeDefinitionRecord>().FirstOrDefaultAsync(r => r.Name == name, ct);
        var displayName = (typeJson["DisplayName"] as JsonValue)?.GetValue<string>() ?? name;
        if (record is not null && JsonNode.DeepEquals(JsonNode.Parse(record.Json), typeJson) && record.DisplayName == displayName)
        {
            return false;
        }

        if (record is null)
        {
            record = new ContentTypeDefinitionRecord { Name = name };
            db.Add(record);
        }

        record.DisplayName = displayName;
        record.Json = json;
        await db.SaveChangesAsync(ct);
        _types = null;
        return true;
    }

    public async Task<bool> StorePartAsync(JsonObject partJson, CancellationToken ct = default)
    {
        var name = partJson["Name"]!.GetValue<string>();
        var record = await db.Set<ContentPartDefinitionRecord>().FirstOrDefaultAsync(r => r.Name == name, ct);
        if (record is not null && JsonNode.DeepEquals(JsonNode.Parse(record.Json), partJson))
        {
            return false;
        }

        if (record is null)
        {
            record = new ContentPartDefinitionRecord { Name = name };
            db.Add(record);
        }

        record.Json = partJson.ToJsonString(ContentJson.Options);
        await db.SaveChangesAsync(ct);
        _types = null;
        return true;
    }

    private async Task<Dictionary<string, ContentTypeDefinition>> LoadAsync(CancellationToken ct)
    {
        return _types ??= await shared.GetOrLoadAsync(db, CacheKey, ReadAsync, ct);
    }

    private async Task<Dictionary<string, ContentTypeDefinition>> ReadAsync(CancellationToken ct)
    {
        var parts = (await db.Set<ContentPartDefinitionRecord>().AsNoTracking().ToListAsync(ct))
            .ToDictionary(r => r.Name, r => ParsePart(JsonNode.Parse(r.Json)!.AsObject()), StringComparer.Ordinal);
        var types = await db.Set<ContentTypeDefinitionRecord>().AsNoTracking().ToListAsync(ct);
        var result = types.Select(r => ParseType(JsonNode.Parse(r.Json)!.AsObject(), parts))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var type in result.Values)
        {
            // Shared between requests: a JsonObject builds its properties lazily on first read, which is not thread-safe.
            ContentJson.Materialize(type.Settings);
            foreach (var part in type.Parts)
            {
                ContentJson.Materialize(part.Settings);
                ContentJson.Materialize(part.PartDefinition.Settings);
                foreach (var field in part.PartDefinition.Fields)
                {
                    ContentJson.Materialize(field.Settings);
                }
            }
        }

        return result;
    }

    internal static ContentTypeDefinition ParseType(JsonObject json, IReadOnlyDictionary<string, ContentPartDefinition> parts)
    {
        var name = json["Name"]!.GetValue<string>();
        var typeParts = new List<ContentTypePartDefinition>();
        if (json["ContentTypePartDefinitionRecords"] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonObject>())
            {
                var partName = record["PartName"]!.GetValue<string>();
                var partDefinition = parts.GetValueOrDefault(partName)
                    ?? new ContentPartDefinition { Name = partName, Settings = new JsonObject(), Fields = [] };
                typeParts.Add(new ContentTypePartDefinition
                {
                    Name = (record["Name"] as JsonValue)?.GetValue<string>() ?? partName,
                    PartName = partName,
                    Settings = record["Settings"] as JsonObject ?? new JsonObject(),
                    PartDefinition = partDefinition,
                });
            }
        }

        return new ContentTypeDefinition
        {
            Name = name,
            DisplayName = (json["DisplayName"] as JsonValue)?.GetValue<string>() ?? name,
            Settings = json["Settings"] as JsonObject ?? new JsonObject(),
            Parts = typeParts.OrderBy(p => p.Position).ToList(),
        };
    }

    internal static ContentPartDefinition ParsePart(JsonObject json)
    {
        var fields = new List<ContentPartFieldDefinition>();
        if (json["ContentPartFieldDefinitionRecords"] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonObject>())
            {
                fields.Add(new ContentPartFieldDefinition
                {
                    Name = record["Name"]!.GetValue<string>(),
                    FieldName = record["FieldName"]!.GetValue<string>(),
                    Settings = record["Settings"] as JsonObject ?? new JsonObject(),
                });
            }
        }

        return new ContentPartDefinition
        {
            Name = json["Name"]!.GetValue<string>(),
            Settings = json["Settings"] as JsonObject ?? new JsonObject(),
            Fields = fields.OrderBy(f => f.Position).ToList(),
        };
    }
}
