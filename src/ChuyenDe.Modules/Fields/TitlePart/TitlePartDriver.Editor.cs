using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.TitlePart;

/// <summary>The editor: the title, required.</summary>
internal sealed partial class TitlePartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/TitlePart/Views/TitlePart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(part.Key("Title"), ContentValidator.Text(value?["Title"]));

    public Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
        => Task.FromResult<FieldEditorView?>(new FieldEditorView(part.Key("Title"), Kind, part.Label(T["Title"]), EditorView) { Required = true });

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        item.GetOrCreatePart(part.Name)["Title"] = FormText.Line(values.Get(part.Key("Title")));
        return null;
    }
}
