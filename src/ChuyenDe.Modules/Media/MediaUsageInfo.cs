namespace ChuyenDe.Modules.Media;

/// <summary>Where a media file is used.</summary>
public sealed record MediaUsageInfo(string Path, IReadOnlyList<MediaUsageEntry> Items)
{
    /// <summary>Whether any latest or published version of any item refers to the file.</summary>
    public bool IsUsed => Items.Count > 0;

    /// <summary>Whether a published version refers to the file: then it is public.</summary>
    public bool IsPublished => Items.Any(i => i.Published);
}
