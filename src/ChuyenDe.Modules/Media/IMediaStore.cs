using ChuyenDe.Modules.Data;

namespace ChuyenDe.Modules.Media;

/// <summary>Files of the media library, addressed by relative paths such as <c>mau/lop-hoc.jpg</c>.</summary>
public interface IMediaStore
{
    Task<bool> ExistsAsync(string path, CancellationToken ct = default);

    /// <summary>Opens a file for reading, or null when there is none (or the path is unsafe).</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default);

    /// <summary>Writes the stream to a hidden staging file; nothing is visible until the returned file is committed.</summary>
    Task<StagedMediaFile> StageAsync(string path, Stream content, CancellationToken ct = default);

    /// <summary>Deletes a stored file; false when there was none (or the path is unsafe).</summary>
    Task<bool> DeleteAsync(string path, CancellationToken ct = default);

    /// <summary>Whether the stored file has exactly these bytes.</summary>
    Task<bool> HasSameContentAsync(string path, byte[] content, CancellationToken ct = default);

    /// <summary>Every file of the library as a relative path with forward slashes, in ordinal order (hidden and staging files left out).</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default);
}
