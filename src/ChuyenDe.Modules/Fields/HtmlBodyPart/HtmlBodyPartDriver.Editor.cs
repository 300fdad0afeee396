using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.HtmlBodyPart;

/// <summary>The editor: a text area of HTML with a (sanitised) preview; links to media files must name files the user may use.</summary>
internal sealed partial class HtmlBodyPartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/HtmlBodyPart/Views/HtmlBodyPart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(part.Key("Html"), ContentValidator.Text(value?["Html"]));

    public Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
        => Task.FromResult<FieldEditorView?>(new FieldEditorView(part.Key("Html"), Kind, part.Label(T["Body"]), EditorView)
        {
            Hint = T["HTML. Scripts, styles and event attributes are removed when the page is shown. Use Preview to see the result."],
            Editor = "html",
        });

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        FormText.SetOrRemove(item.GetOrCreatePart(part.Name), "Html", FormText.Multiline(values.Get(part.Key("Html"))));
        return null;
    }

    public async Task<ContentValidationError?> CheckReferencesAsync(EditedPart part, ContentFormValues values, JsonObject? stored, UserScope scope,
        CancellationToken ct = default)
        => await BodyMediaLinks.RefusedAsync(mediaFiles, scope, ContentValidator.Text(stored?["Html"]), values.Get(part.Key("Html")), ct) is { } refused
            ? part.Error("Html", T["{0}: the link to the file /media/{1} is not allowed: link only files of your organisation's media library.", part.Label(T["Body"]), refused])
            : null;

    public BodyPreview? Preview(EditedPart part, ContentFormValues values, string key)
        => key == part.Key("Html") ? new BodyPreview(key, renderer.SanitizeHtml(values.Get(key))) : null;
}
