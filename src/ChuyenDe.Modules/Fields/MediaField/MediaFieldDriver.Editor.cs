using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.MediaField;

/// <summary>
/// The editor: a chooser of the files the user may use (their organisations' uploads; administrators also the
/// recipes' files), each with its description when the field takes them. A path posted that is not one of those (another
/// organisation's upload, a recipe's file for a non-administrator) is refused like a missing file.
/// </summary>
internal sealed partial class MediaFieldDriver : IFieldEditor
{
    public const string EditorView = "~/Fields/MediaField/Views/MediaField.Edit.cshtml";

    private static readonly HashSet<string> ThumbnailExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    /// <summary>The files the user may choose, listed once per request for all the page's media fields.</summary>
    private (UserScope Scope, IReadOnlyList<MediaChoice> Files)? _choosable;

    public void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone)
    {
        var paths = ContentValidator.Strings(value?["Paths"]);
        var texts = value?["MediaTexts"] as JsonArray;
        values.SetAll(field.Key, paths);
        for (var i = 0; i < paths.Count; i++)
        {
            values.Set(FormKeys.MediaText(field.Key, paths[i]), texts is not null && i < texts.Count ? ContentValidator.Text(texts[i]) : null);
        }
    }

    public async Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default)
    {
        var editor = field.View(EditorView);
        var choosable = await ChoosableAsync(context.Scope, ct);
        var chosenPaths = context.Values.GetAll(field.Key);
        var names = choosable.ToDictionary(c => c.Path, c => c.Name, StringComparer.Ordinal);
        var unnamed = chosenPaths.Where(p => p.Length > 0 && !names.ContainsKey(p)).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, name) in await mediaUsage.GetOriginalNamesAsync(unnamed, ct))
        {
            names[path] = name;
        }

        return editor with { Options = Options(editor.Settings, chosenPaths, choosable.Select(c => c.Path).ToList(), names), Multiple = editor.Settings.Multiple };
    }

    private async Task<IReadOnlyList<MediaChoice>> ChoosableAsync(UserScope scope, CancellationToken ct)
    {
        if (_choosable is not { } cached || !ReferenceEquals(cached.Scope, scope))
        {
            cached = (scope, await mediaFiles.ListChoosableAsync(scope, ct));
            _choosable = cached;
        }

        return cached.Files;
    }

    /// <summary>The chosen files first (marked when not in the user's library), then the other files of an allowed type.</summary>
    private List<EditorOption> Options(FieldSettings settings, IReadOnlyList<string> chosen, IReadOnlyList<string> files, IReadOnlyDictionary<string, string> names)
    {
        bool Allowed(string path) => settings.AllowedExtensions is not { Length: > 0 } allowed
                                     || allowed.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
        var available = new HashSet<string>(files, StringComparer.Ordinal);
        var options = new List<EditorOption>();
        foreach (var path in chosen.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            options.Add(Option(path, names) with { Note = available.Contains(path) ? null : T["not in your organisation's media library"].Value });
        }

        options.AddRange(files.Where(f => Allowed(f) && !chosen.Contains(f, StringComparer.Ordinal)).Select(f => Option(f, names)));
        return options;
    }

    /// <summary>A library file shown by the name it was uploaded under (else its stored file name); the value stays its path.</summary>
    private static EditorOption Option(string path, IReadOnlyDictionary<string, string> names)
        => new(path, names.TryGetValue(path, out var name) && name.Length > 0 ? name : Path.GetFileName(path))
        {
            ImageUrl = ThumbnailExtensions.Contains(Path.GetExtension(path)) && ContentValidator.IsSafeMediaPath(path) ? ContentDisplayBuilder.MediaUrl(path) : null,
        };

    public ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options)
    {
        var paths = FormText.Distinct(values.GetAll(field.Key));
        value["Paths"] = FormText.Array(paths);
        if (field.Definition.KindSettings.AllowMediaText)
        {
            value["MediaTexts"] = FormText.Array(paths.Select(p => FormText.Line(values.Get(FormKeys.MediaText(field.Key, p)))));
        }
        else
        {
            value.Remove("MediaTexts");
        }

        return null;
    }

    /// <summary>
    /// Files added must be ones the user may use. A forged path (another organisation's upload, a recipe's file for a
    /// non-administrator) is refused like a missing one: the message does not tell whether the file exists.
    /// </summary>
    public async Task<ContentValidationError?> CheckReferencesAsync(EditedField field, ContentFormValues values, JsonObject? stored, UserScope scope,
        CancellationToken ct = default)
    {
        var added = FormText.Added(values.GetAll(field.Key), ContentValidator.Strings(stored?["Paths"]));
        var usable = await mediaFiles.UsableAsync(scope, added, ct);
        return added.FirstOrDefault(p => !usable.Contains(p)) is { } refused
            ? field.Error(T["{0}: the file {1} is not in the media library.", field.Definition.DisplayName, refused])
            : null;
    }
}
