namespace ChuyenDe.Modules.Media;

/// <summary>One item using one media file: which of its versions (latest, published) refer to the file.</summary>
public sealed record MediaUsageEntry(string ContentItemId, string ContentType, bool Latest, bool Published);
