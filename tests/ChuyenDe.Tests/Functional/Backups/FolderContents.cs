namespace ChuyenDe.Tests.Functional.Backups;

/// <summary>The files of a folder (relative path → bytes), to compare two folders byte for byte.</summary>
internal static class FolderContents
{
    public static SortedDictionary<string, byte[]> Read(string folder, params string[] skippedTopFolders)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (!skippedTopFolders.Contains(relative.Split(Path.DirectorySeparatorChar)[0], StringComparer.Ordinal))
            {
                files[relative] = File.ReadAllBytes(file);
            }
        }

        return files;
    }

    public static void AssertEqual(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs after the restore.");
        }
    }

    /// <summary>Every file and folder under <paramref name="folder"/> with its size and time (a folder "not touched").</summary>
    public static IReadOnlyList<string> Listing(string folder)
        => !Directory.Exists(folder) ? []
            : [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
                .Select(p => File.Exists(p) ? $"{Path.GetRelativePath(folder, p)} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p):O}" : Path.GetRelativePath(folder, p) + "/")
                .Order(StringComparer.Ordinal)];
}
