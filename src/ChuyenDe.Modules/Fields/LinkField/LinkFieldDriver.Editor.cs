using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.LinkField;

/// <summary>The editor: the address and an optional text; the link's other properties (its target) are kept.</summary>
internal sealed partial class LinkFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/LinkField/Views/LinkField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
    {
        values.Set(FormKeys.LinkUrl(field.Key), ContentValidator.Text(value?["Url"]));
        values.Set(FormKeys.LinkText(field.Key), ContentValidator.Text(value?["Text"]));
    }

    public Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
        => Task.FromResult(field.View(EditorView));

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        FormText.SetOrRemove(value, "Url", FormText.Line(values.Get(FormKeys.LinkUrl(field.Key))));
        FormText.SetOrRemove(value, "Text", FormText.Line(values.Get(FormKeys.LinkText(field.Key))));
        return null;
    }
}
