using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>Reads and stores content type and part definitions (Orchard Core's JSON shapes).</summary>
public interface IContentDefinitionManager
{
    Task<IReadOnlyList<ContentTypeDefinition>> ListTypeDefinitionsAsync(CancellationToken ct = default);
    Task<ContentTypeDefinition?> GetTypeDefinitionAsync(string name, CancellationToken ct = default);
    Task<IReadOnlyList<ContentPartDefinition>> ListPartDefinitionsAsync(CancellationToken ct = default);
    Task<ContentPartDefinition?> GetPartDefinitionAsync(string name, CancellationToken ct = default);

    /// <summary>The type exactly as stored (Orchard Core's ContentDefinition step shape).</summary>
    Task<JsonObject?> GetTypeJsonAsync(string name, CancellationToken ct = default);
    Task<JsonObject?> GetPartJsonAsync(string name, CancellationToken ct = default);

    /// <summary>Creates or replaces a type; returns false when nothing changed.</summary>
    Task<bool> StoreTypeAsync(JsonObject typeJson, CancellationToken ct = default);

    /// <summary>Creates or replaces a part; returns false when nothing changed.</summary>
    Task<bool> StorePartAsync(JsonObject partJson, CancellationToken ct = default);
}
