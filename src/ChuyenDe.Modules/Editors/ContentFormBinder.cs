using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editors;

/// <summary>
/// The generated form of a type, made by asking the drivers of its parts and fields (<see cref="IFieldEditors"/>): an
/// item into the form's values and back, the editors shown, the references checked and a body's preview. Parts and
/// properties the form does not edit (taxonomy terms, a link's target, …) are left as they are.
/// </summary>
public sealed class ContentFormBinder(IFieldEditors editors)
{
    /// <summary>The form values showing an item as stored (times in the site's time zone).</summary>
    public ContentFormValues Read(ContentTypeDefinition type, ContentItem item, TimeZoneInfo timeZone)
    {
        var values = new ContentFormValues();
        foreach (var part in type.Parts)
        {
            var partJson = item.Part(part.Name);
            editors.Part(part.PartName)?.Read(new EditedPart(part), partJson, values, timeZone);
            foreach (var field in part.PartDefinition.Fields)
            {
                editors.Field(field.FieldName)?.Read(new EditedField(part.Name, field), partJson?[field.Name] as JsonObject, values, timeZone);
            }
        }

        return values;
    }

    /// <summary>
    /// Writes the posted values into the item. Returns the values that could not be read (a number or a date typed
    /// wrongly), keyed like the engine's errors; the item then holds no value for them.
    /// </summary>
    public IReadOnlyList<ContentValidationError> Apply(ContentTypeDefinition type, ContentFormValues values, ContentItem item, ContentBindOptions options)
    {
        var errors = new List<ContentValidationError>();
        foreach (var part in type.Parts)
        {
            if (editors.Part(part.PartName)?.Bind(new EditedPart(part), values, item, options) is { } partError)
            {
                errors.Add(partError);
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (editors.Field(field.FieldName) is { } editor
                    && editor.Bind(new EditedField(part.Name, field), values, item.GetOrCreateField(part.Name, field.Name), options) is { } fieldError)
                {
                    errors.Add(fieldError);
                }
            }
        }

        return errors;
    }

    /// <summary>The editors of the type's parts and fields, in the type's order.</summary>
    public async Task<IReadOnlyList<FieldEditorView>> BuildEditorsAsync(ContentTypeDefinition type, EditorContext context, CancellationToken ct = default)
    {
        var result = new List<FieldEditorView>();
        foreach (var part in type.Parts)
        {
            if (editors.Part(part.PartName) is { } partEditor && await partEditor.BuildEditorAsync(new EditedPart(part), context, ct) is { } view)
            {
                result.Add(view);
            }

            foreach (var field in part.PartDefinition.Fields)
            {
                if (editors.Field(field.FieldName) is { } editor)
                {
                    result.Add(await editor.BuildEditorAsync(new EditedField(part.Name, field), context, ct));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Content picked, files chosen and files linked from a body must be ones the user may use; values already on the
    /// stored item are kept as they are (a file removed from the library later must not block saving).
    /// </summary>
    public async Task<IReadOnlyList<ContentValidationError>> CheckReferencesAsync(ContentTypeDefinition type, ContentItem? existing, ContentFormValues values,
        UserScope scope, CancellationToken ct = default)
    {
        var errors = new List<ContentValidationError>();
        foreach (var (part, field) in type.AllFields())
        {
            if (editors.Field(field.FieldName) is { } editor
                && await editor.CheckReferencesAsync(new EditedField(part.Name, field), values, existing?.Field(part.Name, field.Name), scope, ct) is { } error)
            {
                errors.Add(error);
            }
        }

        foreach (var part in type.Parts)
        {
            if (editors.Part(part.PartName) is { } editor
                && await editor.CheckReferencesAsync(new EditedPart(part), values, existing?.Part(part.Name), scope, ct) is { } error)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    /// <summary>The preview of the body posted under <paramref name="key"/> (the preview button's value), or null.</summary>
    public BodyPreview? Preview(ContentTypeDefinition type, ContentFormValues values, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        foreach (var part in type.Parts)
        {
            if (editors.Part(part.PartName)?.Preview(new EditedPart(part), values, key) is { } preview)
            {
                return preview;
            }
        }

        return null;
    }
}
