using System.IO.Compression;
using System.Security.Cryptography;

namespace ChuyenDe.Modules.Backups;

/// <summary>Copies files into and out of a backup archive, hashing what passes (SHA-256) on the way.</summary>
internal static class BackupArchiveFiles
{
    private const int BufferSize = 128 * 1024;

    /// <summary>
    /// Adds the file as the entry, or returns null when the file disappeared before it could be opened (a media file
    /// deleted while the backup ran: the database copy, made first, may still name it, as it did at that moment).
    /// </summary>
    public static async Task<BackupManifestEntry?> AddAsync(ZipArchive archive, string file, string entryName, CancellationToken ct)
    {
        FileStream input;
        try
        {
            input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (input)
        {
            var entry = archive.CreateEntry(entryName, CompressionLevel.Fastest);
            entry.LastWriteTime = File.GetLastWriteTimeUtc(file);
            await using var output = entry.Open();
            var (size, hash) = await CopyAsync(input, output, ct);
            return new BackupManifestEntry(entryName, size, hash);
        }
    }

    /// <summary>Adds bytes as an entry (the manifest).</summary>
    public static void AddBytes(ZipArchive archive, string entryName, byte[] content)
    {
        var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal);
        using var output = entry.Open();
        output.Write(content);
    }

    /// <summary>The size and SHA-256 of an entry as stored.</summary>
    public static async Task<(long Size, string Sha256)> MeasureAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var input = entry.Open();
        return await CopyAsync(input, Stream.Null, ct);
    }

    /// <summary>Writes the entry to a new file, returning what was written; the caller compares it with the manifest.</summary>
    public static async Task<(long Size, string Sha256)> ExtractAsync(ZipArchiveEntry entry, string file, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var input = entry.Open();
        await using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var result = await CopyAsync(input, output, ct);
        await output.FlushAsync(ct);
        output.Flush(flushToDisk: true);
        return result;
    }

    /// <summary>
    /// Whether an entry name is one this code writes and may be put under a folder safely: relative, '/'-separated,
    /// with no empty, '.' or '..' segment (no "zip slip").
    /// </summary>
    public static bool IsSafeName(string name)
        => name.Length > 0 && !name.StartsWith('/') && !name.Contains('\\', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal)
           && name.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    private static async Task<(long Size, string Sha256)> CopyAsync(Stream input, Stream output, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
