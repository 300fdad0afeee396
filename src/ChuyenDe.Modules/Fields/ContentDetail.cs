namespace ChuyenDe.Modules.Fields;

/// <summary>A whole item page.</summary>
public sealed record ContentDetail(
    ContentCard Card,
    string BodyHtml,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyList<ImageView> Gallery,
    IReadOnlyList<FileView> Downloads,
    DateTime? ModifiedLocal)
{
    /// <summary>How many times the item's documents were downloaded.</summary>
    public long DownloadCount { get; init; }
}
