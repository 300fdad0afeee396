using ChuyenDe.Modules.Media;

namespace ChuyenDe.Modules.Analytics;

/// <summary>A counted download of a media file counts as a download of each published item that uses the file, today.</summary>
internal sealed class DownloadCounting(ViewCounter counter) : IMediaDownloadObserver
{
    public void DownloadCounted(string path, IReadOnlyList<string> contentItemIds)
    {
        foreach (var item in contentItemIds)
        {
            counter.CountDownload(item);
        }
    }
}
