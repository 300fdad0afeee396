using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.BooleanField;

/// <summary>The editor: a checkbox labelled by the field's label setting; unticked is false.</summary>
internal sealed partial class BooleanFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/BooleanField/Views/BooleanField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(field.Key, value?["Value"] is JsonValue flag && flag.TryGetValue<bool>(out var b) && b ? "true" : null);

    public Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
    {
        var editor = field.View(EditorView);
        return Task.FromResult(editor with { Label = editor.Settings.Label is { Length: > 0 } checkLabel ? checkLabel : field.Definition.DisplayName });
    }

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        value["Value"] = FormText.Ticked(values.GetAll(field.Key));
        return null;
    }
}
