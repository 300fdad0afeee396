using ChuyenDe.Modules.Data;

namespace ChuyenDe.Modules.Backups;

/// <summary>The folders a backup holds and what in them it leaves out.</summary>
internal static class BackupPaths
{
    /// <summary>
    /// Folders inside the media folder that are not media: uploads being written (<c>.staging</c>) and the folders a
    /// restore swaps in and out.
    /// </summary>
    private static readonly string[] SkippedMediaFolders = [".staging"];

    /// <summary>Where the data-protection keys are persisted (<see cref="DataModule.AddDataModule"/>).</summary>
    public static string KeysFolder(DataOptions data) => Path.Combine(data.DataFolder, "DataProtection-Keys");

    /// <summary>The files of a folder, in a stable order, without the skipped subfolders (at the top level).</summary>
    public static IEnumerable<string> FilesOf(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
            .Where(f => !SkippedMediaFolders.Contains(Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)[0], StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
