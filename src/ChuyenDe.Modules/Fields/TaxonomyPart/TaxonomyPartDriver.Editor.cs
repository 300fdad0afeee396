using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.TaxonomyPart;

/// <summary>The editor: the taxonomy's terms shown as a tree, not edited here (they change through a recipe) and kept as they are.</summary>
internal sealed partial class TaxonomyPartDriver : IPartEditor
{
    public const string EditorView = "~/Fields/TaxonomyPart/Views/TaxonomyPart.Edit.cshtml";

    public void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
    {
    }

    public async Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default)
    {
        var terms = context.Existing is null ? null : await taxonomies.GetTaxonomyAsync(context.Existing.ContentItemId, ct);
        return new FieldEditorView(part.Key("Terms"), Kind, part.Label(T["Terms of the taxonomy"]), EditorView)
        {
            Fixed = true,
            Options = terms?.Terms.Select(t => new EditorOption(t.ContentItemId, t.Title, t.Depth)).ToList() ?? [],
            Hint = T["The terms are kept as they are; they are changed through a recipe."],
        };
    }

    public ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options) => null;
}
