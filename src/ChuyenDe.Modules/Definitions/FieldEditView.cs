using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Definitions;

/// <summary>
/// The page of a field: the kinds to choose from for a new field, or the field's form with its kind's settings editor
/// (null for a kind no driver edits).
/// </summary>
public sealed record FieldEditView(
    ContentTypeDefinition Type,
    FieldForm Form,
    string? FieldName,
    IReadOnlyList<IFieldSettingsEditor> FieldKinds,
    IFieldSettingsEditor? SettingsEditor,
    IReadOnlyDictionary<string, string> Errors)
{
    public bool IsNew => FieldName is null;

    /// <summary>A new field whose kind is not chosen yet: the form asks for the kind first.</summary>
    public bool ChoosingKind => IsNew && SettingsEditor is null;
}
