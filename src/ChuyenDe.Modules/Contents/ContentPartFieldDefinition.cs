using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

public sealed class ContentPartFieldDefinition
{
    public required string Name { get; init; }

    /// <summary>The field kind, e.g. TextField.</summary>
    public required string FieldName { get; init; }

    public required JsonObject Settings { get; init; }

    public string DisplayName => Settings["ContentPartFieldSettings"]?["DisplayName"]?.GetValue<string>() is { Length: > 0 } name ? name : Name;

    public string? Hint => Settings["ContentPartFieldSettings"]?["Hint"]?.GetValue<string>() is { Length: > 0 } hint
        ? hint
        : (Settings[FieldName + "Settings"]?["Hint"] as JsonValue)?.GetValue<string>() is { Length: > 0 } kindHint ? kindHint : null;

    public string? Editor => Settings["ContentPartFieldSettings"]?["Editor"]?.GetValue<string>();

    public int Position => DefinitionJson.Position(Settings["ContentPartFieldSettings"]?["Position"]);

    /// <summary>The kind's settings object, e.g. <c>TextFieldSettings</c>.</summary>
    public FieldSettings KindSettings
        => (Settings[FieldName + "Settings"] as JsonObject)?.Deserialize<FieldSettings>(DefinitionJson.Lenient) ?? new FieldSettings();

    /// <summary>The values a <c>TextField</c> with a predefined list editor allows, or null.</summary>
    public IReadOnlyList<PredefinedOption>? PredefinedOptions
        => Settings["TextFieldPredefinedListEditorSettings"]?["Options"] is JsonArray options
            ? options.Deserialize<List<PredefinedOption>>(DefinitionJson.Lenient)
            : null;
}
