using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>
/// The editor: the chosen items and the recent ones of the allowed types (a search box with JavaScript). An item added
/// must be one the user may see.
/// </summary>
internal sealed partial class ContentPickerFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/ContentPickerField/Views/ContentPickerField.Edit.cshtml";

    /// <summary>How many recent items the editor lists.</summary>
    private const int RecentItems = 15;

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
        => values.SetAll(field.Key, ContentValidator.Strings(value?["ContentItemIds"]));

    public async Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
    {
        var editor = field.View(EditorView);
        var types = await PickerTypesAsync(editor.Settings, ct);
        return editor with
        {
            Options = await OptionsAsync(context.Scope, types, context.Values.GetAll(field.Key), ct),
            Multiple = editor.Settings.Multiple,
            PickerTypes = string.Join(',', types),
        };
    }

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        value["ContentItemIds"] = FormText.Array(FormText.Distinct(values.GetAll(field.Key)));
        return null;
    }

    public async Task<ContentValidationError?> CheckReferencesAsync(EditedField field, ContentFormValues values, JsonObject? stored, UserScope scope,
        CancellationToken ct = default)
    {
        foreach (var id in FormText.Added(values.GetAll(field.Key), ContentValidator.Strings(stored?["ContentItemIds"])))
        {
            if (await VisibleItemAsync(scope, id, ct) is null)
            {
                return field.Error(T["{0}: the chosen item does not exist.", field.Definition.DisplayName]);
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<string>> PickerTypesAsync(FieldSettings settings, CancellationToken ct)
    {
        var all = await definitions.ListTypeDefinitionsAsync(ct);
        if (!settings.DisplayAllContentTypes && settings.DisplayedContentTypes is { Length: > 0 } shown)
        {
            return shown.Where(t => all.Any(d => d.Name == t)).ToList();
        }

        return all.Where(t => t.TypeSettings.Listable).Select(t => t.Name).ToList();
    }

    private async Task<List<EditorOption>> OptionsAsync(UserScope scope, IReadOnlyList<string> types, IReadOnlyList<string> chosen, CancellationToken ct)
    {
        var options = new List<EditorOption>();
        foreach (var id in chosen.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var visible = await VisibleItemAsync(scope, id, ct);
            options.Add(visible is null
                ? new EditorOption(id, T["(an item you cannot see)"])
                : new EditorOption(id, visible.DisplayText) { Note = await TypeNameAsync(visible.ContentType, ct) });
        }

        foreach (var result in await SearchAsync(scope, null, types, RecentItems, ct))
        {
            if (options.All(o => o.Value != result.Id))
            {
                options.Add(new EditorOption(result.Id, result.Title) { Note = result.TypeName });
            }
        }

        return options;
    }

    private async Task<string> TypeNameAsync(string type, CancellationToken ct)
        => (await definitions.GetTypeDefinitionAsync(type, ct))?.DisplayName ?? type;
}
