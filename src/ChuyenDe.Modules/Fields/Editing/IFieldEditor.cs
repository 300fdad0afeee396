using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>
/// A field kind's editor in the generated forms (Orchard Core's display driver's Edit and Update): the form values of a
/// stored value, the editor's model and partial view, and the binding of posted values back into the field's JSON.
/// Implemented by the kind's driver in a partial file beside it (<c>Fields/&lt;Kind&gt;/&lt;Kind&gt;Driver.Editor.cs</c>);
/// found through <see cref="IFieldEditors"/>.
/// </summary>
public interface IFieldEditor
{
    /// <summary>The field kind, e.g. <c>TextField</c>.</summary>
    string Kind { get; }

    /// <summary>Sets the form values showing the stored value (null: none); times in the site's time zone.</summary>
    void Read(EditedField field, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone);

    /// <summary>The field's editor, from its definition and the form's values.</summary>
    Task<FieldEditorView> BuildEditorAsync(EditedField field, EditorContext context, CancellationToken ct = default);

    /// <summary>
    /// Writes the posted values into the field's JSON, leaving properties the form does not edit. Returns the error of a
    /// value that cannot be read (a number or a date typed wrongly); the field then holds no value.
    /// </summary>
    ContentValidationError? Bind(EditedField field, ContentFormValues values, JsonObject value, ContentBindOptions options);

    /// <summary>
    /// Whether the values added since <paramref name="stored"/> name things the user may use (items they may see, files
    /// of their organisation); an error when not. Values already stored are kept as they are.
    /// </summary>
    Task<ContentValidationError?> CheckReferencesAsync(EditedField field, ContentFormValues values, JsonObject? stored, UserScope scope,
        CancellationToken ct = default)
        => Task.FromResult<ContentValidationError?>(null);
}
