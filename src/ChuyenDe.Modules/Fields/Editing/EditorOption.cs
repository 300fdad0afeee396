namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>A choice of a select, a radio group or a check list.</summary>
public sealed record EditorOption(string Value, string Text, int Depth = 0)
{
    /// <summary>A short remark shown beside the choice, e.g. that a chosen file is missing.</summary>
    public string? Note { get; init; }

    /// <summary>A thumbnail for image files.</summary>
    public string? ImageUrl { get; init; }
}
