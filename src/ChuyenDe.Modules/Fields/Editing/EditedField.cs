using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>One field of a type in the generated editor: the name of the part that holds it and its definition.</summary>
public sealed record EditedField(string PartName, ContentPartFieldDefinition Definition)
{
    /// <summary>The input name of the field's value (<c>Part.Field</c>), the key of its errors.</summary>
    public string Key => FormKeys.For(PartName, Definition.Name);

    /// <summary>An error of this field.</summary>
    public ContentValidationError Error(string message) => new(PartName, Definition.Name, message);

    /// <summary>
    /// The editor with what every field gives it: its key, kind, label, hint, required mark, editor setting and the kind's
    /// settings; <paramref name="view"/> is the driver's partial view.
    /// </summary>
    public FieldEditorView View(string view)
    {
        var settings = Definition.KindSettings;
        return new FieldEditorView(Key, Definition.FieldName, Definition.DisplayName, view)
        {
            Hint = Definition.Hint,
            Required = settings.Required,
            Editor = Definition.Editor,
            Settings = settings,
        };
    }
}
