namespace ChuyenDe.Modules.Media;

/// <summary>
/// Told of each counted download of a media file (a full answer to a GET, once per client, file and day, robots left out:
/// <see cref="DownloadDeduplicator"/>), with the published items that use the file, so that a module above Media (the
/// daily counts of Analytics) can count it per item without asking the database again. Called after the file was sent,
/// on the request's thread: an observer only takes note (no database work, no waiting).
/// </summary>
public interface IMediaDownloadObserver
{
    /// <param name="path">The file's path in the media library.</param>
    /// <param name="contentItemIds">The published items that use the file (none when no published item does).</param>
    void DownloadCounted(string path, IReadOnlyList<string> contentItemIds);
}
