namespace ChuyenDe.Modules.Contents;

/// <summary>Route index: the path of an item's latest and of its published version.</summary>
public sealed class ContentRouteRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string Path { get; set; } = "";
    public bool Published { get; set; }
    public bool Latest { get; set; }
}
