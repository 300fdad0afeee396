using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.TextField;

/// <summary>The editor: a text box, a text area (<c>TextArea</c> editor) or a select of the predefined values.</summary>
internal sealed partial class TextFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/TextField/Views/TextField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(field.Key, ContentValidator.Text(value?["Text"]));

    public Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
    {
        var editor = field.View(EditorView);
        if (field.Definition.PredefinedOptions is { Count: > 0 } predefined)
        {
            editor = editor with { Options = predefined.Select(o => new EditorOption(o.Value, o.Name)).ToList() };
        }

        return Task.FromResult(editor);
    }

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        var typed = values.Get(field.Key);
        FormText.SetOrRemove(value, "Text", field.Definition.Editor == "TextArea" ? FormText.Multiline(typed).Trim() : FormText.Line(typed));
        return null;
    }
}
