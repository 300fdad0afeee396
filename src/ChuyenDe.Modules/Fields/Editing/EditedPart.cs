using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>One part of a type in the generated editor (its own editor, apart from its fields).</summary>
public sealed record EditedPart(ContentTypePartDefinition Definition)
{
    /// <summary>The part's name on the type: the JSON property of the item and the first half of its input names.</summary>
    public string Name => Definition.Name;

    /// <summary>The input name of one of the part's properties (<c>Part.Property</c>), the key of its errors.</summary>
    public string Key(string property) => FormKeys.For(Definition.Name, property);

    /// <summary>An error of one of the part's properties.</summary>
    public ContentValidationError Error(string property, string message) => new(Definition.Name, property, message);

    /// <summary>The label of the part's editor: its display name on the type, or the kind's default.</summary>
    public string Label(string byDefault)
        => Definition.Settings["ContentTypePartSettings"]?["DisplayName"] is JsonValue name && name.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : byDefault;
}
