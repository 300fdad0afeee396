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

/// <summary>A file written aside; <see cref="Commit"/> moves it into place atomically, <see cref="Discard"/> deletes it.</summary>
public sealed class StagedMediaFile(string stagingPath, string targetPath)
{
    public string TargetPath => targetPath;

    public void Commit()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        File.Move(stagingPath, targetPath, overwrite: true);
    }

    /// <summary>Reads the staged bytes (seekable), before they are committed.</summary>
    public Stream OpenRead() => new FileStream(stagingPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    /// <summary>The same staged bytes, to be committed under another file name in the same folder.</summary>
    public StagedMediaFile WithFileName(string fileName)
    {
        if (fileName.Length == 0 || fileName.Contains('/') || fileName.Contains('\\') || fileName.StartsWith('.'))
        {
            throw new ArgumentException($"Unsafe file name '{fileName}'.", nameof(fileName));
        }

        return new StagedMediaFile(stagingPath, Path.Combine(Path.GetDirectoryName(targetPath)!, fileName));
    }

    public void Discard()
    {
        if (File.Exists(stagingPath))
        {
            File.Delete(stagingPath);
        }
    }
}

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
