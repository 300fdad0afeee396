namespace ChuyenDe.Modules.Fields;

/// <summary>A field ready to show: its label and its values by kind.</summary>
public sealed record FieldView(string Name, string Label, string Kind)
{
    public string? Text { get; init; }
    public IReadOnlyList<LinkView> Links { get; init; } = [];
    public IReadOnlyList<ImageView> Images { get; init; } = [];
    public IReadOnlyList<FileView> Files { get; init; } = [];
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Links.Count == 0 && Images.Count == 0 && Files.Count == 0;
}
