using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Checks that the JSON of parts and fields has Orchard Core's shapes (strings, numbers, arrays where due), as each
/// kind's rules declare them (<see cref="IFieldKindRules.Shape"/>, <see cref="IPartKindRules.Shape"/>). Used by the
/// recipes' content step before importing items.
/// </summary>
public sealed class ContentShapes(IContentKindRules rules)
{
    /// <summary>Throws <see cref="ContentFormatException"/> naming the JSON path of the first value of a wrong type.</summary>
    public void Check(ContentItem item, ContentTypeDefinition type, string path)
    {
        foreach (var part in type.Parts)
        {
            if (item.Content[part.Name] is not { } partNode)
            {
                continue;
            }

            var partPath = $"{path}.{part.Name}";
            if (partNode is not JsonObject partJson)
            {
                throw new ContentFormatException(partPath, "A part must be a JSON object.");
            }

            if (rules.Part(part.PartName) is { } partRules)
            {
                CheckObject(partJson, partRules.Shape, partPath);
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (partJson[field.Name] is not { } fieldNode)
                {
                    continue;
                }

                var fieldPath = $"{partPath}.{field.Name}";
                if (fieldNode is not JsonObject fieldJson)
                {
                    throw new ContentFormatException(fieldPath, $"A {field.FieldName} must be a JSON object.");
                }

                var fieldRules = rules.Field(field.FieldName)
                    ?? throw new InvalidOperationException($"No rules are registered for the field kind '{field.FieldName}' (is the Fields module added?).");
                CheckObject(fieldJson, fieldRules.Shape, fieldPath);
            }
        }
    }

    private static void CheckObject(JsonObject json, IReadOnlyDictionary<string, ValueShape> shape, string path)
    {
        foreach (var (property, kind) in shape)
        {
            var node = json[property];
            if (node is null)
            {
                continue;
            }

            var ok = kind switch
            {
                ValueShape.String => node is JsonValue v && v.TryGetValue<string>(out _),
                ValueShape.Number => node is JsonValue v && (v.TryGetValue<decimal>(out _) || v.TryGetValue<double>(out _)),
                ValueShape.Bool => node is JsonValue v && v.TryGetValue<bool>(out _),
                ValueShape.Date => node is JsonValue v && v.TryGetValue<string>(out var s) && (s.Length == 0 || ContentJson.TryParseDate(s, out _)),
                ValueShape.StringArray => node is JsonArray a && a.All(e => e is JsonValue ev && ev.TryGetValue<string>(out _)),
                ValueShape.ObjectArray => node is JsonArray a && a.All(e => e is JsonObject),
                _ => true,
            };
            if (!ok)
            {
                throw new ContentFormatException($"{path}.{property}", kind switch
                {
                    ValueShape.String => "Expected a string.",
                    ValueShape.Number => "Expected a number.",
                    ValueShape.Bool => "Expected true or false.",
                    ValueShape.Date => "Expected an ISO 8601 date.",
                    ValueShape.StringArray => "Expected an array of strings.",
                    _ => "Expected an array of objects.",
                });
            }
        }
    }
}
