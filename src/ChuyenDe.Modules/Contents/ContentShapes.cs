using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Contents;

/// <summary>Checks that the JSON of parts and fields has Orchard Core's shapes (strings, numbers, arrays where due).</summary>
public static class ContentShapes
{
    private enum Kind
    {
        String,
        Number,
        Bool,
        Date,
        StringArray,
        ObjectArray,
    }

    private static readonly Dictionary<string, Dictionary<string, Kind>> Shapes = new(StringComparer.Ordinal)
    {
        [ContentKinds.TitlePart] = new() { ["Title"] = Kind.String },
        [ContentKinds.AutoroutePart] = new() { ["Path"] = Kind.String },
        [ContentKinds.MarkdownBodyPart] = new() { ["Markdown"] = Kind.String },
        [ContentKinds.HtmlBodyPart] = new() { ["Html"] = Kind.String },
        [ContentKinds.TaxonomyPart] = new() { ["Terms"] = Kind.ObjectArray, ["TermContentType"] = Kind.String },
        [ContentKinds.TermPart] = new() { ["TaxonomyContentItemId"] = Kind.String },
        [ContentKinds.PublishLaterPart] = new() { ["ScheduledPublishUtc"] = Kind.Date },
        [ContentKinds.OrganizationPart] = new() { ["OrganizationId"] = Kind.String },
        [ContentKinds.ConsentPart] = new() { ["Confirmed"] = Kind.Bool, ["ConfirmedBy"] = Kind.String, ["ConfirmedUtc"] = Kind.Date },
        [ContentKinds.TextField] = new() { ["Text"] = Kind.String },
        [ContentKinds.NumericField] = new() { ["Value"] = Kind.Number },
        [ContentKinds.BooleanField] = new() { ["Value"] = Kind.Bool },
        [ContentKinds.DateField] = new() { ["Value"] = Kind.Date },
        [ContentKinds.DateTimeField] = new() { ["Value"] = Kind.Date },
        [ContentKinds.LinkField] = new() { ["Url"] = Kind.String, ["Text"] = Kind.String, ["Target"] = Kind.String },
        [ContentKinds.MediaField] = new() { ["Paths"] = Kind.StringArray, ["MediaTexts"] = Kind.StringArray },
        [ContentKinds.ContentPickerField] = new() { ["ContentItemIds"] = Kind.StringArray },
        [ContentKinds.TaxonomyField] = new() { ["TaxonomyContentItemId"] = Kind.String, ["TermContentItemIds"] = Kind.StringArray },
    };

    /// <summary>Throws <see cref="ContentFormatException"/> naming the JSON path of the first value of a wrong type.</summary>
    public static void Check(ContentItem item, ContentTypeDefinition type, string path)
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

            if (Shapes.TryGetValue(part.PartName, out var partShape))
            {
                CheckObject(partJson, partShape, partPath);
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

                CheckObject(fieldJson, Shapes[field.FieldName], fieldPath);
            }
        }
    }

    private static void CheckObject(JsonObject json, Dictionary<string, Kind> shape, string path)
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
                Kind.String => node is JsonValue v && v.TryGetValue<string>(out _),
                Kind.Number => node is JsonValue v && (v.TryGetValue<decimal>(out _) || v.TryGetValue<double>(out _)),
                Kind.Bool => node is JsonValue v && v.TryGetValue<bool>(out _),
                Kind.Date => node is JsonValue v && v.TryGetValue<string>(out var s) && (s.Length == 0 || ContentJson.TryParseDate(s, out _)),
                Kind.StringArray => node is JsonArray a && a.All(e => e is JsonValue ev && ev.TryGetValue<string>(out _)),
                Kind.ObjectArray => node is JsonArray a && a.All(e => e is JsonObject),
                _ => true,
            };
            if (!ok)
            {
                throw new ContentFormatException($"{path}.{property}", kind switch
                {
                    Kind.String => "Expected a string.",
                    Kind.Number => "Expected a number.",
                    Kind.Bool => "Expected true or false.",
                    Kind.Date => "Expected an ISO 8601 date.",
                    Kind.StringArray => "Expected an array of strings.",
                    _ => "Expected an array of objects.",
                });
            }
        }
    }
}
