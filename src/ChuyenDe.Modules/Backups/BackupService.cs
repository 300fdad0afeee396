using System.IO.Compression;
using System.Reflection;
using ChuyenDe.Modules.Data;
using Microsoft.Data.Sqlite;

namespace ChuyenDe.Modules.Backups;

/// <summary>
/// Writes one zip archive of the site while it runs: the database first (SQLite's online backup, or pg_dump), then the
/// media folder and the data-protection keys, then <c>manifest.json</c> with the size and SHA-256 of every entry. The
/// archive is written to a temporary file beside the target and renamed onto it at the end, so a crash or Ctrl+C leaves
/// no half archive under the target's name. The search index is not saved: a restore rebuilds it from the database.
/// </summary>
internal sealed class BackupService(DataOptions data, PostgresTools postgres, TimeProvider clock)
{
    public async Task<BackupSummary> CreateAsync(string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"The folder of the archive does not exist: {folder}");
        }

        if (Directory.Exists(target))
        {
            throw new BackupException($"{target} is a folder; give the path of the archive file to write (e.g. {Path.Combine(target, "chuyende-backup.zip")}).");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var databaseCopy = temp + ".database";
        try
        {
            var entries = new List<BackupManifestEntry>();
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 128 * 1024, useAsync: true))
            {
                using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    // The database first: a media file added after this moment is an unused extra in the archive, never a
                    // row naming a file the archive lacks.
                    if (data.Provider == DatabaseProvider.Postgres)
                    {
                        await postgres.DumpAsync(data.ConnectionString, databaseCopy, ct);
                    }
                    else
                    {
                        CopySqliteOnline(data.ConnectionString, databaseCopy);
                    }

                    entries.Add(await BackupArchiveFiles.AddAsync(archive, databaseCopy, BackupManifest.DatabaseEntryFor(data.Provider), ct)
                        ?? throw new BackupException("The copy of the database disappeared while it was being archived."));
                    await AddFolderAsync(archive, data.MediaFolder, BackupManifest.MediaPrefix, entries, ct);
                    await AddFolderAsync(archive, BackupPaths.KeysFolder(data), BackupManifest.KeysPrefix, entries, ct);

                    var manifest = new BackupManifest
                    {
                        CreatedUtc = clock.GetUtcNow().UtcDateTime,
                        AppVersion = AppVersion(),
                        Provider = data.Provider,
                        Entries = entries,
                    };
                    BackupArchiveFiles.AddBytes(archive, BackupManifest.FileName, manifest.ToJson());
                }

                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
            return new BackupSummary(target, entries.Count, new FileInfo(target).Length);
        }
        finally
        {
            DeleteIfExists(temp);
            DeleteIfExists(databaseCopy);
            DeleteIfExists(databaseCopy + "-wal");
            DeleteIfExists(databaseCopy + "-shm");
            DeleteIfExists(databaseCopy + "-journal");
        }
    }

    public static string AppVersion()
    {
        var assembly = typeof(BackupService).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
               ?? assembly.GetName().Version?.ToString()
               ?? "unknown";
    }

    /// <summary>
    /// SQLite's online backup: a consistent copy of the database as of one moment, taken while the site keeps reading
    /// and writing (pages changed during the copy make SQLite start over, so the copy is never a mix of two moments).
    /// </summary>
    private static void CopySqliteOnline(string connectionString, string destination)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        var path = Path.GetFullPath(source.DataSource);
        if (!File.Exists(path))
        {
            throw new BackupException($"There is no database to back up at {path}. Check ChuyenDe:DataFolder and ChuyenDe:Database.");
        }

        source.Mode = SqliteOpenMode.ReadOnly;
        using var from = new SqliteConnection(source.ToString());
        from.Open();
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        to.Open();
        from.BackupDatabase(to);
    }

    private static async Task AddFolderAsync(ZipArchive archive, string folder, string prefix, List<BackupManifestEntry> entries, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in BackupPaths.FilesOf(folder))
        {
            ct.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (await BackupArchiveFiles.AddAsync(archive, file, prefix + relative, ct) is { } entry)
            {
                entries.Add(entry);
            }
        }
    }

    private static void DeleteIfExists(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the operator; named after the archive, so it is easy to recognise.
        }
    }
}
