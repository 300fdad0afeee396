using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

public sealed class ContentTypePartDefinition
{
    /// <summary>The name of the part on the type (usually the part's name).</summary>
    public required string Name { get; init; }

    /// <summary>The part kind or the named part holding fields.</summary>
    public required string PartName { get; init; }

    public required JsonObject Settings { get; init; }
    public required ContentPartDefinition PartDefinition { get; init; }

    public int Position => DefinitionJson.Position(Settings["ContentTypePartSettings"]?["Position"]);

    public T? SettingsAs<T>(string key) where T : class => ContentTypeDefinition.SettingsAs<T>(Settings, key);
}
