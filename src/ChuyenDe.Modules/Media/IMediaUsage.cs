namespace ChuyenDe.Modules.Media;

/// <summary>The media usage index: which content items use a file (for serving and for deleting with a warning).</summary>
public interface IMediaUsage
{
    Task<MediaUsageInfo> GetAsync(string path, CancellationToken ct = default);

    /// <summary>The original (Vietnamese) names of uploaded files, by path; paths without an upload record are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> GetOriginalNamesAsync(IReadOnlyCollection<string> paths, CancellationToken ct = default);

    /// <summary>Downloads of the files the published version of an item uses, added up.</summary>
    Task<long> GetDownloadCountAsync(string contentItemId, CancellationToken ct = default);
}
