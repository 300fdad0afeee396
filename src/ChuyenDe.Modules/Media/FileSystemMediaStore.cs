using ChuyenDe.Modules.Data;

namespace ChuyenDe.Modules.Media;

/// <summary>The default store: a folder on local disk (<c>{DataFolder}/Media</c>).</summary>
internal sealed class FileSystemMediaStore(DataOptions options) : IMediaStore
{
    private string Root => Path.GetFullPath(options.MediaFolder);

    public Task<bool> ExistsAsync(string path, CancellationToken ct = default)
        => Task.FromResult(Resolve(path) is { } full && File.Exists(full));

    public Task<Stream?> OpenReadAsync(string path, CancellationToken ct = default)
    {
        var full = Resolve(path);
        if (full is null || !File.Exists(full))
        {
            return Task.FromResult<Stream?>(null);
        }

        return Task.FromResult<Stream?>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true));
    }

    public async Task<StagedMediaFile> StageAsync(string path, Stream content, CancellationToken ct = default)
    {
        var target = Resolve(path) ?? throw new ArgumentException($"Unsafe media path '{path}'.", nameof(path));
        var staging = Path.Combine(Root, ".staging");
        Directory.CreateDirectory(staging);
        var temp = Path.Combine(staging, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await content.CopyToAsync(output, ct);
            // On disk before it can be renamed into place: after a power cut the library never names a file whose
            // bytes were still only in the page cache.
            await output.FlushAsync(ct);
            output.Flush(flushToDisk: true);
        }
        catch
        {
            // An aborted or failed copy leaves no partial file behind.
            File.Delete(temp);
            throw;
        }

        return new StagedMediaFile(temp, target);
    }

    public Task<bool> DeleteAsync(string path, CancellationToken ct = default)
    {
        var full = Resolve(path);
        if (full is null || !File.Exists(full))
        {
            return Task.FromResult(false);
        }

        File.Delete(full);
        return Task.FromResult(true);
    }

    public async Task<bool> HasSameContentAsync(string path, byte[] content, CancellationToken ct = default)
    {
        var full = Resolve(path);
        if (full is null || !File.Exists(full) || new FileInfo(full).Length != content.Length)
        {
            return false;
        }

        return (await File.ReadAllBytesAsync(full, ct)).AsSpan().SequenceEqual(content);
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default)
    {
        var root = Root;
        if (!Directory.Exists(root))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System }))
        {
            ct.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            // Staging files (".staging/…") and dot files are never part of the library.
            if (IsSafe(relative))
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(files);
    }

    /// <summary>The full path inside the media root, or null for anything that could leave it.</summary>
    internal string? Resolve(string path)
    {
        if (!IsSafe(path))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, path));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    internal static bool IsSafe(string path)
        => !string.IsNullOrWhiteSpace(path) && path.Length <= 512 && !path.StartsWith('/') && !path.Contains('\\')
           && !path.Any(char.IsControl) && path.Split('/').All(s => s.Length > 0 && s != "." && s != ".." && !s.StartsWith('.'));
}
