using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Editors;

/// <summary>A create or edit page.</summary>
public sealed class ContentEditorView
{
    public required ContentTypeDefinition Type { get; init; }
    public required ContentFormValues Values { get; init; }

    /// <summary>The editors of the type's parts and fields, as their drivers built them.</summary>
    public required IReadOnlyList<FieldEditorView> Editors { get; init; }

    public required EditorActions Actions { get; init; }
    public required string FormAction { get; init; }

    /// <summary>The latest version being edited; null on the create page.</summary>
    public ContentItem? Latest { get; init; }

    public bool HasPublishedVersion { get; init; }
    public string? PublicUrl { get; init; }

    /// <summary>The version the form was filled from; a save from an older one is stopped and explained.</summary>
    public string? VersionId { get; init; }

    public string? OrganizationName { get; init; }
    public string? AuthorName { get; init; }
    public DateTime? ModifiedLocal { get; init; }
    public DateTime? ScheduledLocal { get; init; }
    public IReadOnlyList<ContentValidationError> Errors { get; init; } = [];

    /// <summary>A message above the form (not an error of a field), e.g. that someone else saved meanwhile.</summary>
    public string? Notice { get; init; }

    public BodyPreview? Preview { get; init; }

    public bool IsNew => Latest is null;

    public IEnumerable<string> ErrorsFor(string key) => Errors.Where(e => e.Key == key).Select(e => e.Message);

    /// <summary>What the partial view of one editor gets: the editor, the form's values, its messages and the preview.</summary>
    public FieldEditorContext ContextOf(FieldEditorView editor) => new(editor, Values, ErrorsFor(editor.Key).ToList(), Preview);
}
