using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Fields.TaxonomyField;

/// <summary>The editor: the taxonomy's terms as radio buttons (one term) or checkboxes; a chosen term no longer there is shown as such.</summary>
internal sealed partial class TaxonomyFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/TaxonomyField/Views/TaxonomyField.Edit.cshtml";

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.SetAll(field.Key, ContentValidator.Strings(value?["TermContentItemIds"]));

    public async Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
    {
        var editor = field.View(EditorView);
        var settings = editor.Settings;
        var taxonomy = settings.TaxonomyContentItemId is { } taxonomyId ? await taxonomies.GetTaxonomyAsync(taxonomyId, ct) : null;
        var options = taxonomy?.Terms.Select(t => new EditorOption(t.ContentItemId, t.Title, t.Depth)).ToList() ?? [];
        foreach (var chosen in context.Values.GetAll(field.Key).Where(v => v.Length > 0 && options.All(o => o.Value != v)))
        {
            options.Add(new EditorOption(chosen, chosen) { Note = T["not in the taxonomy"] });
        }

        return editor with { Options = options, Multiple = !settings.Unique };
    }

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        if (field.Definition.KindSettings.TaxonomyContentItemId is { Length: > 0 } taxonomyId)
        {
            value["TaxonomyContentItemId"] = taxonomyId;
        }

        value["TermContentItemIds"] = FormText.Array(FormText.Distinct(values.GetAll(field.Key)));
        return null;
    }
}
