using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>
/// A part kind's own editor in the generated forms (its fields have theirs): the form values of the stored part, the
/// editor's model and partial view, and the binding of posted values back into the part's JSON. Implemented by the
/// part's driver in a partial file beside it; found through <see cref="IFieldEditors"/>.
/// </summary>
public interface IPartEditor
{
    /// <summary>The part kind, e.g. <c>TitlePart</c>.</summary>
    string Kind { get; }

    /// <summary>Sets the form values showing the stored part (null: none); times in the site's time zone.</summary>
    void Read(EditedPart part, JsonObject? value, ContentFormValues values, TimeZoneInfo timeZone);

    /// <summary>The part's editor (null: the part shows none).</summary>
    Task<FieldEditorView?> BuildEditorAsync(EditedPart part, EditorContext context, CancellationToken ct = default);

    /// <summary>
    /// Writes the posted values into the item's part (creating it when the part edits something), leaving properties the
    /// form does not edit. Returns the error of a value that cannot be read.
    /// </summary>
    ContentValidationError? Bind(EditedPart part, ContentFormValues values, ContentItem item, ContentBindOptions options);

    /// <summary>Whether the values added since <paramref name="stored"/> name things the user may use; an error when not.</summary>
    Task<ContentValidationError?> CheckReferencesAsync(EditedPart part, ContentFormValues values, JsonObject? stored, UserScope scope,
        CancellationToken ct = default)
        => Task.FromResult<ContentValidationError?>(null);

    /// <summary>The rendered preview of the body posted under <paramref name="key"/>, when that is this part's body (else null).</summary>
    BodyPreview? Preview(EditedPart part, ContentFormValues values, string key) => null;
}
