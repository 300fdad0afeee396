using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.MarkdownBodyPart;

/// <summary>The editor: a text area of Markdown with a preview; links to media files must name files the user may use.</summary>
internal sealed partial class MarkdownBodyPartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/MarkdownBodyPart/Views/MarkdownBodyPart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.Set(part.Key("Markdown"), ContentValidator.Text(value?["Markdown"]));

    public Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
        => Task.FromResult<FieldEditorView?>(new FieldEditorView(part.Key("Markdown"), Kind, part.Label(T["Body"]), EditorView)
        {
            Hint = T["Written in Markdown: ## for a heading, **bold**, - for a list item, [text](https://…) for a link. Use Preview to see the result."],
            Editor = "markdown",
        });

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        FormText.SetOrRemove(item.GetOrCreatePart(part.Name), "Markdown", FormText.Multiline(values.Get(part.Key("Markdown"))));
        return null;
    }

    public async Task<ContentValidationError?> CheckReferencesAsync(EditedPart part, ContentFormValues values, JsonObject? stored, UserScope scope,
        CancellationToken ct = default)
        => await BodyMediaLinks.RefusedAsync(mediaFiles, scope, ContentValidator.Text(stored?["Markdown"]), values.Get(part.Key("Markdown")), ct) is { } refused
            ? part.Error("Markdown", T["{0}: the link to the file /media/{1} is not allowed: link only files of your organisation's media library.", part.Label(T["Body"]), refused])
            : null;

    public BodyPreview? Preview(EditedPart part, ContentFormValues values, string key)
        => key == part.Key("Markdown") ? new BodyPreview(key, renderer.RenderMarkdown(values.Get(key))) : null;
}
