using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Editors;

/// <summary>A choice of a select, a radio group or a check list.</summary>
public sealed record EditorOption(string Value, string Text, int Depth = 0)
{
    /// <summary>A short remark shown beside the choice, e.g. that a chosen file is missing.</summary>
    public string? Note { get; init; }

    /// <summary>A thumbnail for image files.</summary>
    public string? ImageUrl { get; init; }
}

/// <summary>The editor of one part or field: what the partial view of its kind needs.</summary>
public sealed record FieldEditorView(string Key, string Kind, string Label)
{
    public string? Hint { get; init; }
    public bool Required { get; init; }

    /// <summary>The field's editor setting (e.g. <c>TextArea</c>).</summary>
    public string? Editor { get; init; }

    public FieldSettings Settings { get; init; } = new();
    public IReadOnlyList<EditorOption> Options { get; init; } = [];
    public bool Multiple { get; init; }

    /// <summary>Shown but not editable by this user (the value is decided on the server).</summary>
    public bool Fixed { get; init; }

    public string? FixedText { get; init; }
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? Step { get; init; }

    /// <summary>For content pickers: the content types the search may return, comma-separated.</summary>
    public string? PickerTypes { get; init; }

    public string Id => FormKeys.ElementId(Key);
    public string HintId => FormKeys.ElementId(Key, "hint");
    public string ErrorId => FormKeys.ElementId(Key, "error");
}

/// <summary>Which buttons the user sees on an editor page.</summary>
public sealed record EditorActions(bool Edit, bool SaveDraft, bool Publish, bool Unpublish, bool DiscardDraft, bool CloneItem, bool Delete)
{
    /// <summary>Whether the version history (the History module's page) may be linked.</summary>
    public bool History { get; init; }

    /// <summary>Whether the item's entries of the audit trail may be linked.</summary>
    public bool AuditTrail { get; init; }
}

/// <summary>A rendered preview of a body, shown under its editor when the form was sent with the preview button.</summary>
public sealed record BodyPreview(string Key, string Html);

/// <summary>A create or edit page.</summary>
public sealed class ContentEditorView
{
    public required ContentTypeDefinition Type { get; init; }
    public required ContentFormValues Values { get; init; }
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
}

/// <summary>What a field's partial view gets: the page and the field.</summary>
public sealed record FieldEditorContext(ContentEditorView Page, FieldEditorView Field)
{
    public string Value => Page.Values.Get(Field.Key);
    public IReadOnlyList<string> Values => Page.Values.GetAll(Field.Key);
    public IReadOnlyList<string> Errors => Page.ErrorsFor(Field.Key).ToList();
    public bool Invalid => Errors.Count > 0;

    /// <summary>The ids the main input is described by: its hint and its error.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Invalid)
            {
                ids.Add(Field.ErrorId);
            }

            if (!string.IsNullOrEmpty(Field.Hint))
            {
                ids.Add(Field.HintId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }
}

public sealed record DeleteConfirmView(ContentItem Item, string TypeName, bool Published, string? Error);

/// <summary>Read-only view of the latest version, for users who may see an item but not edit it.</summary>
public sealed record ContentPreviewView(ContentItem Item, Fields.ContentDetail Detail, bool HasPublishedVersion, EditorActions Actions);

/// <summary>The filters of the content list, as in its query string.</summary>
public sealed record ContentListFilter
{
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Org { get; init; }
    public string? Term { get; init; }
    public string? Q { get; init; }
    public string? Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>The list's address with these filters and another page.</summary>
    public string Url(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("type", Type);
        Add("status", Status);
        Add("org", Org);
        Add("term", Term);
        Add("q", Q);
        Add("sort", Sort);
        if (page > 1)
        {
            query.Add("page=" + page);
        }

        return "/admin/noi-dung" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}

public sealed record ContentRowActions(bool Edit, bool View, bool Unpublish, bool CloneItem, bool Delete);

public sealed record ContentRowView(
    string ContentItemId,
    string Title,
    string TypeName,
    bool Published,
    bool HasPublishedVersion,
    DateTime? ScheduledLocal,
    string? OrganizationName,
    string? OwnerName,
    string Author,
    DateTime? ModifiedLocal,
    DateTime? PublishedLocal,
    string? PublicUrl,
    ContentRowActions Actions);

public sealed record TermGroupOption(string Title, IReadOnlyList<EditorOption> Terms);

public sealed record ContentListView(
    ContentListFilter Filter,
    IReadOnlyList<ContentRowView> Rows,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<EditorOption> Types,
    IReadOnlyList<EditorOption> Organizations,
    IReadOnlyList<TermGroupOption> TermGroups,
    IReadOnlyList<EditorOption> CreatableTypes);
