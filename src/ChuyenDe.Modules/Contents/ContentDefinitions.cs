using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>The part and field kinds the engine understands, with Orchard Core's names.</summary>
public static class ContentKinds
{
    public const string TitlePart = nameof(TitlePart);
    public const string AutoroutePart = nameof(AutoroutePart);
    public const string MarkdownBodyPart = nameof(MarkdownBodyPart);
    public const string HtmlBodyPart = nameof(HtmlBodyPart);
    public const string TaxonomyPart = nameof(TaxonomyPart);
    public const string TermPart = nameof(TermPart);
    public const string PublishLaterPart = nameof(PublishLaterPart);
    public const string OrganizationPart = nameof(OrganizationPart);

    /// <summary>Ours: the contributor's confirmation that parents consented to publishing photos of their children.</summary>
    public const string ConsentPart = nameof(ConsentPart);

    public const string TextField = nameof(TextField);
    public const string NumericField = nameof(NumericField);
    public const string BooleanField = nameof(BooleanField);
    public const string DateField = nameof(DateField);
    public const string DateTimeField = nameof(DateTimeField);
    public const string LinkField = nameof(LinkField);
    public const string MediaField = nameof(MediaField);
    public const string ContentPickerField = nameof(ContentPickerField);
    public const string TaxonomyField = nameof(TaxonomyField);

    public static readonly IReadOnlySet<string> Parts = new HashSet<string>(StringComparer.Ordinal)
    {
        TitlePart, AutoroutePart, MarkdownBodyPart, HtmlBodyPart, TaxonomyPart, TermPart, PublishLaterPart, OrganizationPart, ConsentPart,
    };

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        TextField, NumericField, BooleanField, DateField, DateTimeField, LinkField, MediaField, ContentPickerField, TaxonomyField,
    };
}

/// <summary>Settings of a content type (Orchard Core's <c>ContentTypeSettings</c>).</summary>
public sealed record ContentTypeSettings
{
    public bool Creatable { get; init; }
    public bool Listable { get; init; }
    public bool Draftable { get; init; }
    public bool Versionable { get; init; }
    public bool Securable { get; init; }
    public string? Stereotype { get; init; }
}

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

public sealed class ContentPartDefinition
{
    public required string Name { get; init; }
    public required JsonObject Settings { get; init; }
    public required IReadOnlyList<ContentPartFieldDefinition> Fields { get; init; }
}

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

/// <summary>Union of the settings Orchard Core's field kinds carry; each kind reads the ones it has.</summary>
public sealed record FieldSettings
{
    public bool Required { get; init; }
    public string? Hint { get; init; }
    public bool Multiple { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public int Scale { get; init; }
    public string? Label { get; init; }
    public bool? DefaultValueBoolean { get; init; }
    public bool AllowMediaText { get; init; }
    public string[]? AllowedExtensions { get; init; }
    public string[]? DisplayedContentTypes { get; init; }
    public bool DisplayAllContentTypes { get; init; }
    public string? TaxonomyContentItemId { get; init; }
    public bool Unique { get; init; }
    public bool LeavesOnly { get; init; }
}

public sealed record PredefinedOption
{
    [System.Text.Json.Serialization.JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [System.Text.Json.Serialization.JsonPropertyName("value")]
    public string Value { get; init; } = "";
}

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
