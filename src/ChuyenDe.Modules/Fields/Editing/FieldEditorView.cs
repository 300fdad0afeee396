using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>
/// The editor of one part or field, as its driver built it: the input's name (<see cref="Key"/>), the partial view that
/// renders it (<see cref="View"/>, a path in the driver's folder) and what that view needs.
/// </summary>
public sealed record FieldEditorView(string Key, string Kind, string Label, string View)
{
    public string? Hint { get; init; }
    public bool Required { get; init; }

    /// <summary>The field's editor setting (e.g. <c>TextArea</c>), or the flavour of a body (<c>markdown</c>, <c>html</c>).</summary>
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
