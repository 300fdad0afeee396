using ChuyenDe.Modules.Data;

namespace ChuyenDe.Modules.Media;

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
