using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

public sealed class ContentPartDefinition
{
    public required string Name { get; init; }
    public required JsonObject Settings { get; init; }
    public required IReadOnlyList<ContentPartFieldDefinition> Fields { get; init; }
}
