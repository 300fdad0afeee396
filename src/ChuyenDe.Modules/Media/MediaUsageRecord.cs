namespace ChuyenDe.Modules.Media;

/// <summary>
/// Media usage index row: one per media path and content item, with the flags of the versions (latest, published)
/// that refer to it. Rewritten in the content transaction by <see cref="MediaUsageIndexer"/>.
/// </summary>
public sealed class MediaUsageRecord
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
}
