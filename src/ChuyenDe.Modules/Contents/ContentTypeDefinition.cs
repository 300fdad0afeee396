using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

public sealed class ContentTypeDefinition
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public required JsonObject Settings { get; init; }
    public required IReadOnlyList<ContentTypePartDefinition> Parts { get; init; }

    public ContentTypeSettings TypeSettings => SettingsAs<ContentTypeSettings>(Settings, "ContentTypeSettings") ?? new();

    public ContentTypePartDefinition? FindPart(string name) => Parts.FirstOrDefault(p => p.Name == name);

    /// <summary>A true/false setting of the type, e.g. <c>Flag("WorkflowSettings", "RequiresReview")</c>; false when absent.</summary>
    public bool Flag(string settingsKey, string property)
        => Settings[settingsKey] is JsonObject section && section[property] is JsonValue value && value.TryGetValue<bool>(out var on) && on;

    public bool HasPart(string partName) => Parts.Any(p => p.PartName == partName);

    /// <summary>All fields of all parts, in part then field order.</summary>
    public IEnumerable<(ContentTypePartDefinition Part, ContentPartFieldDefinition Field)> AllFields()
        => Parts.SelectMany(p => p.PartDefinition.Fields.Select(f => (p, f)));

    internal static T? SettingsAs<T>(JsonObject settings, string key) where T : class
        => settings[key] is JsonObject node ? node.Deserialize<T>(DefinitionJson.Lenient) : null;
}
