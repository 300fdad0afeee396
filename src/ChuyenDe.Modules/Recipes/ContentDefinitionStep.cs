using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Recipes;

/// <summary>
/// Orchard Core's <c>ContentDefinition</c> step: <c>ContentTypes</c> and <c>ContentParts</c>. Definitions are merged
/// into what is stored the way Orchard Core alters them: settings are merged, parts and fields are added or replaced
/// by name, and nothing that the recipe does not mention is removed.
/// </summary>
internal sealed class ContentDefinitionStep(IContentDefinitionManager definitions) : IRecipeStepHandler
{
    private static readonly Dictionary<string, Dictionary<string, JsonType>> FieldSettingTypes = new()
    {
        ["TextFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Hint"] = JsonType.String, ["DefaultValue"] = JsonType.String },
        ["NumericFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Hint"] = JsonType.String, ["Minimum"] = JsonType.Number, ["Maximum"] = JsonType.Number, ["Scale"] = JsonType.Number },
        ["BooleanFieldSettings"] = new() { ["Hint"] = JsonType.String, ["Label"] = JsonType.String, ["DefaultValue"] = JsonType.Bool },
        ["DateFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Hint"] = JsonType.String },
        ["DateTimeFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Hint"] = JsonType.String },
        ["LinkFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Hint"] = JsonType.String },
        ["MediaFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Multiple"] = JsonType.Bool, ["AllowMediaText"] = JsonType.Bool, ["AllowedExtensions"] = JsonType.Array, ["Hint"] = JsonType.String },
        ["ContentPickerFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Multiple"] = JsonType.Bool, ["DisplayedContentTypes"] = JsonType.Array, ["DisplayAllContentTypes"] = JsonType.Bool, ["Hint"] = JsonType.String },
        ["TaxonomyFieldSettings"] = new() { ["Required"] = JsonType.Bool, ["Unique"] = JsonType.Bool, ["LeavesOnly"] = JsonType.Bool, ["TaxonomyContentItemId"] = JsonType.String, ["Hint"] = JsonType.String },
        ["ContentTypeSettings"] = new() { ["Creatable"] = JsonType.Bool, ["Listable"] = JsonType.Bool, ["Draftable"] = JsonType.Bool, ["Versionable"] = JsonType.Bool, ["Securable"] = JsonType.Bool, ["Stereotype"] = JsonType.String },
    };

    private enum JsonType
    {
        Bool,
        String,
        Number,
        Array,
    }

    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var step = context.Step;
        var typesPath = RecipeJson.Child(context.Path, "ContentTypes");
        var partsPath = RecipeJson.Child(context.Path, "ContentParts");
        var types = RecipeJson.Objects(RecipeJson.OptionalArray(step, "ContentTypes", context.Path), typesPath).ToList();
        var parts = RecipeJson.Objects(RecipeJson.OptionalArray(step, "ContentParts", context.Path), partsPath).ToList();

        // Check everything first, so that a bad entry late in the step is reported before anything is stored.
        var partNamesInStep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, path) in parts)
        {
            partNamesInStep.Add(CheckPart(part, path));
        }

        foreach (var (type, path) in types)
        {
            await CheckTypeAsync(type, path, partNamesInStep, ct);
        }

        foreach (var (part, _) in parts)
        {
            var name = part["Name"]!.GetValue<string>();
            var merged = Merge(await definitions.GetPartJsonAsync(name, ct), part, "ContentPartFieldDefinitionRecords");
            if (await definitions.StorePartAsync(merged, ct))
            {
                context.Changes++;
            }
        }

        foreach (var (type, _) in types)
        {
            var name = type["Name"]!.GetValue<string>();
            var merged = Merge(await definitions.GetTypeJsonAsync(name, ct), type, "ContentTypePartDefinitionRecords");
            if (await definitions.StoreTypeAsync(merged, ct))
            {
                context.Changes++;
            }
        }
    }

    private static string CheckPart(JsonObject part, string path)
    {
        var name = RecipeJson.RequiredIdentifier(part, "Name", path);
        CheckSettings(RecipeJson.OptionalObject(part, "Settings", path), RecipeJson.Child(path, "Settings"));
        var fieldsPath = RecipeJson.Child(path, "ContentPartFieldDefinitionRecords");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, fieldPath) in RecipeJson.Objects(RecipeJson.OptionalArray(part, "ContentPartFieldDefinitionRecords", path), fieldsPath))
        {
            var kind = RecipeJson.RequiredString(field, "FieldName", fieldPath);
            if (!ContentKinds.Fields.Contains(kind))
            {
                throw new RecipeStepException(RecipeJson.Child(fieldPath, "FieldName"),
                    $"Unknown field kind '{kind}'. Known kinds: {string.Join(", ", ContentKinds.Fields.Order())}.");
            }

            var fieldName = RecipeJson.RequiredIdentifier(field, "Name", fieldPath);
            if (!seen.Add(fieldName))
            {
                throw new RecipeStepException(RecipeJson.Child(fieldPath, "Name"), $"The field '{fieldName}' appears twice in part '{name}'.");
            }

            CheckSettings(RecipeJson.OptionalObject(field, "Settings", fieldPath), RecipeJson.Child(fieldPath, "Settings"));
        }

        return name;
    }

    private async Task CheckTypeAsync(JsonObject type, string path, HashSet<string> partNamesInStep, CancellationToken ct)
    {
        var name = RecipeJson.RequiredIdentifier(type, "Name", path);
        RecipeJson.OptionalString(type, "DisplayName", path);
        CheckSettings(RecipeJson.OptionalObject(type, "Settings", path), RecipeJson.Child(path, "Settings"));
        var recordsPath = RecipeJson.Child(path, "ContentTypePartDefinitionRecords");
        foreach (var (record, recordPath) in RecipeJson.Objects(RecipeJson.OptionalArray(type, "ContentTypePartDefinitionRecords", path), recordsPath))
        {
            var partName = RecipeJson.RequiredString(record, "PartName", recordPath);
            RecipeJson.OptionalString(record, "Name", recordPath);
            CheckSettings(RecipeJson.OptionalObject(record, "Settings", recordPath), RecipeJson.Child(recordPath, "Settings"));
            var known = ContentKinds.Parts.Contains(partName) || partName == name || partNamesInStep.Contains(partName)
                        || await definitions.GetPartJsonAsync(partName, ct) is not null;
            if (!known)
            {
                throw new RecipeStepException(RecipeJson.Child(recordPath, "PartName"),
                    $"Unknown part '{partName}': neither a known part kind ({string.Join(", ", ContentKinds.Parts.Order())}) nor a part defined in ContentParts.");
            }
        }
    }

    private static void CheckSettings(JsonObject? settings, string path)
    {
        if (settings is null)
        {
            return;
        }

        foreach (var (key, value) in settings)
        {
            var keyPath = RecipeJson.Child(path, key);
            if (value is not JsonObject settingsObject)
            {
                throw new RecipeStepException(keyPath, $"'{key}' must be an object.");
            }

            if (!FieldSettingTypes.TryGetValue(key, out var expected))
            {
                continue;
            }

            foreach (var (property, type) in expected)
            {
                var node = settingsObject[property];
                if (node is null)
                {
                    continue;
                }

                var ok = type switch
                {
                    JsonType.Bool => node is JsonValue v && v.TryGetValue<bool>(out _),
                    JsonType.String => node is JsonValue v && v.TryGetValue<string>(out _),
                    JsonType.Number => node is JsonValue v && (v.TryGetValue<decimal>(out _) || v.TryGetValue<string>(out var s) && decimal.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _)),
                    JsonType.Array => node is JsonArray,
                    _ => true,
                };
                if (!ok)
                {
                    throw new RecipeStepException(RecipeJson.Child(keyPath, property), $"'{property}' must be {Describe(type)}.");
                }
            }
        }
    }

    private static string Describe(object type) => type.ToString() switch
    {
        "Bool" => "true or false",
        "String" => "a string",
        "Number" => "a number",
        _ => "an array",
    };

    /// <summary>Orchard Core's alter semantics: settings merged, records replaced by name, others kept.</summary>
    internal static JsonObject Merge(JsonObject? stored, JsonObject incoming, string recordsProperty)
    {
        if (stored is null)
        {
            return (JsonObject)incoming.DeepClone();
        }

        var result = (JsonObject)stored.DeepClone();
        foreach (var (key, value) in incoming)
        {
            if (key == "Settings" && value is JsonObject settings)
            {
                var merged = result["Settings"] as JsonObject ?? new JsonObject();
                foreach (var (settingsKey, settingsValue) in settings)
                {
                    merged[settingsKey] = settingsValue?.DeepClone();
                }

                result["Settings"] = merged;
            }
            else if (key == recordsProperty && value is JsonArray records)
            {
                var existing = result[recordsProperty] as JsonArray ?? new JsonArray();
                var list = existing.Select(n => n!.DeepClone()).ToList();
                foreach (var record in records.OfType<JsonObject>())
                {
                    var recordName = (record["Name"] as JsonValue)?.GetValue<string>()
                                     ?? (record["PartName"] as JsonValue)?.GetValue<string>();
                    var index = list.FindIndex(n => ((n["Name"] as JsonValue)?.GetValue<string>()
                                                     ?? (n["PartName"] as JsonValue)?.GetValue<string>()) == recordName);
                    if (index >= 0)
                    {
                        list[index] = record.DeepClone();
                    }
                    else
                    {
                        list.Add(record.DeepClone());
                    }
                }

                result[recordsProperty] = new JsonArray(list.ToArray());
            }
            else
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
