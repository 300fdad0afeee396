using System.IO.Compression;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChuyenDe.Modules.Backups;

/// <summary>
/// Puts a backup archive back, with the site stopped: checks every entry against the manifest before touching anything,
/// refuses a target that already holds a site unless forced, then restores the database, the media folder and the
/// data-protection keys, and rebuilds this node's search index from the restored database.
/// </summary>
internal sealed class RestoreService(
    DataOptions data,
    PostgresTools postgres,
    SearchOptions searchOptions,
    ISearchIndexMaintenance search,
    ILogger<RestoreService> logger)
{
    public async Task<RestoreSummary> RestoreAsync(string file, bool force, CancellationToken ct = default)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new BackupException($"There is no archive at {path}.");
        }

        using var archive = Open(path);
        var manifest = await VerifyAsync(archive, ct);
        if (manifest.Provider != data.Provider)
        {
            throw new BackupException(
                $"The archive holds a {manifest.Provider} database but this site is configured for {data.Provider} " +
                "(ChuyenDe:Database:Provider). Nothing was restored.");
        }

        var occupied = await DescribeOccupiedTargetAsync(ct);
        if (occupied.Count > 0 && !force)
        {
            throw new BackupException(
                "The target is not empty: " + string.Join("; ", occupied) + ". Nothing was restored. " +
                "Restore into an empty data folder and database, or add --force to replace what is there.");
        }

        Directory.CreateDirectory(data.DataFolder);
        // What an interrupted restore left (its staging folder, or the old folders it had moved aside) goes first.
        foreach (var stale in Directory.EnumerateDirectories(data.DataFolder, ".restore-*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        var work = Path.Combine(data.DataFolder, $".restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var databaseEntry = manifest.Entries.Single(e => e.Path == BackupManifest.DatabaseEntryFor(data.Provider));
            await RestoreDatabaseAsync(archive, databaseEntry, work, ct);
            var media = await RestoreFolderAsync(archive, manifest, BackupManifest.MediaPrefix, data.MediaFolder, work, ct);
            var keys = await RestoreFolderAsync(archive, manifest, BackupManifest.KeysPrefix, BackupPaths.KeysFolder(data), work, ct);

            // The index of the site that was backed up is not in the archive, and an index left here belongs to the data
            // replaced: start from nothing and build it from the restored content.
            var index = string.IsNullOrWhiteSpace(searchOptions.IndexFolder)
                ? data.IndexFolder
                : Path.GetFullPath(searchOptions.IndexFolder, data.DataFolder);
            if (Directory.Exists(index))
            {
                Directory.Delete(index, recursive: true);
            }

            await search.RebuildAsync(ct);
            logger.LogInformation("Restored {Archive} (made {Created:O}): {Media} media files, {Keys} keys", path, manifest.CreatedUtc, media, keys);
            return new RestoreSummary(manifest.CreatedUtc, media, keys);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static ZipArchive Open(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{path} is not a backup archive (not a readable zip file: {e.Message}). Nothing was restored.", e);
        }
    }

    /// <summary>The manifest, once every entry of the archive has the size and SHA-256 it lists, and nothing else is there.</summary>
    private static async Task<BackupManifest> VerifyAsync(ZipArchive archive, CancellationToken ct)
    {
        static BackupException Refused(string why) => new($"The archive failed verification: {why}. Nothing was restored.");

        var manifestEntry = archive.GetEntry(BackupManifest.FileName) ?? throw Refused($"it has no {BackupManifest.FileName}");
        BackupManifest? manifest;
        try
        {
            await using var json = manifestEntry.Open();
            manifest = BackupManifest.Parse(json);
        }
        catch (InvalidDataException e)
        {
            throw Refused($"{BackupManifest.FileName} cannot be read ({e.Message})");
        }

        if (manifest is null)
        {
            throw Refused($"{BackupManifest.FileName} is not a backup manifest");
        }

        if (manifest.FormatVersion != BackupManifest.CurrentFormatVersion)
        {
            throw Refused($"its format version is {manifest.FormatVersion}; this version of the site reads version {BackupManifest.CurrentFormatVersion}");
        }

        var listed = new Dictionary<string, BackupManifestEntry>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            if (!BackupArchiveFiles.IsSafeName(entry.Path)
                || !(entry.Path == BackupManifest.DatabaseEntryFor(manifest.Provider)
                     || entry.Path.StartsWith(BackupManifest.MediaPrefix, StringComparison.Ordinal)
                     || entry.Path.StartsWith(BackupManifest.KeysPrefix, StringComparison.Ordinal)))
            {
                throw Refused($"the manifest lists an entry this site does not restore: '{entry.Path}'");
            }

            if (!listed.TryAdd(entry.Path, entry))
            {
                throw Refused($"the manifest lists '{entry.Path}' twice");
            }
        }

        if (!listed.ContainsKey(BackupManifest.DatabaseEntryFor(manifest.Provider)))
        {
            throw Refused($"it holds no database ({BackupManifest.DatabaseEntryFor(manifest.Provider)})");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName == BackupManifest.FileName)
                {
                    continue;
                }

                if (!listed.TryGetValue(entry.FullName, out var expected) || !seen.Add(entry.FullName))
                {
                    throw Refused($"'{entry.FullName}' is in the archive but not in its manifest");
                }

                var (size, sha256) = await BackupArchiveFiles.MeasureAsync(entry, ct);
                if (size != expected.Size || !string.Equals(sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw Refused($"'{entry.FullName}' does not match its SHA-256 checksum or size in the manifest (the archive was changed or damaged)");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw Refused($"the archive is damaged ({e.Message})");
        }

        if (listed.Keys.FirstOrDefault(k => !seen.Contains(k)) is { } missing)
        {
            throw Refused($"'{missing}' is listed in the manifest but missing from the archive");
        }

        return manifest;
    }

    /// <summary>What the target already holds: a database with tables, media files, keys. Empty when there is nothing.</summary>
    private async Task<List<string>> DescribeOccupiedTargetAsync(CancellationToken ct)
    {
        var occupied = new List<string>();
        if (data.Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(data.ConnectionString) { Pooling = false };
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
                var tables = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                if (tables > 0)
                {
                    occupied.Add($"the PostgreSQL database '{builder.Database}' has {Count(tables, "table")}");
                }
            }
            catch (NpgsqlException e)
            {
                throw new BackupException(
                    $"Cannot connect to the PostgreSQL database '{builder.Database}' on {builder.Host}: {e.Message}. " +
                    "Create the (empty) database first and check ChuyenDe:Database:ConnectionString. Nothing was restored.", e);
            }
        }
        else
        {
            var file = SqliteFile();
            if (File.Exists(file) && new FileInfo(file).Length > 0)
            {
                var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
                await using var connection = new SqliteConnection(builder.ToString());
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                var tables = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                if (tables > 0)
                {
                    occupied.Add($"the database {file} has {Count(tables, "table")}");
                }
            }
        }

        var mediaFiles = BackupPaths.FilesOf(data.MediaFolder).Count();
        if (mediaFiles > 0)
        {
            occupied.Add($"the media folder {data.MediaFolder} holds {Count(mediaFiles, "file")}");
        }

        var keyFiles = BackupPaths.FilesOf(BackupPaths.KeysFolder(data)).Count();
        if (keyFiles > 0)
        {
            occupied.Add($"the keys folder {BackupPaths.KeysFolder(data)} holds {Count(keyFiles, "file")}");
        }

        return occupied;
    }

    private static string Count(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private string SqliteFile() => Path.GetFullPath(new SqliteConnectionStringBuilder(data.ConnectionString).DataSource);

    private async Task RestoreDatabaseAsync(ZipArchive archive, BackupManifestEntry expected, string work, CancellationToken ct)
    {
        if (data.Provider == DatabaseProvider.Postgres)
        {
            var dump = Path.Combine(work, "database.pgdump");
            await ExtractVerifiedAsync(archive, expected, dump, ct);
            await postgres.RestoreAsync(data.ConnectionString, dump, ct);
            NpgsqlConnection.ClearAllPools();
            return;
        }

        // Copied beside the database file, then renamed onto it: the database is the old one or the restored one, never
        // half of each. A journal or WAL of the old database would be applied to the new file, so they go first.
        var target = SqliteFile();
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.restore");
        try
        {
            await ExtractVerifiedAsync(archive, expected, temp, ct);
            SqliteConnection.ClearAllPools();
            foreach (var companion in new[] { "-wal", "-shm", "-journal" })
            {
                File.Delete(target + companion);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// The files under <paramref name="prefix"/> written into a new folder, which then takes the place of
    /// <paramref name="folder"/> (the old one is moved aside first and deleted last).
    /// </summary>
    private static async Task<int> RestoreFolderAsync(ZipArchive archive, BackupManifest manifest, string prefix, string folder, string work, CancellationToken ct)
    {
        var staging = Path.Combine(work, prefix.TrimEnd('/'));
        Directory.CreateDirectory(staging);
        var count = 0;
        foreach (var entry in manifest.Entries.Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var relative = entry.Path[prefix.Length..].Replace('/', Path.DirectorySeparatorChar);
            await ExtractVerifiedAsync(archive, entry, Path.Combine(staging, relative), ct);
            count++;
        }

        var old = Path.Combine(work, "old-" + prefix.TrimEnd('/'));
        if (Directory.Exists(folder))
        {
            Directory.Move(folder, old);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(folder))!);
        Directory.Move(staging, folder);
        return count;
    }

    /// <summary>Extracts an entry, checking again what is written against the manifest (the archive may change meanwhile).</summary>
    private static async Task ExtractVerifiedAsync(ZipArchive archive, BackupManifestEntry expected, string file, CancellationToken ct)
    {
        var entry = archive.GetEntry(expected.Path) ?? throw new BackupException($"'{expected.Path}' disappeared from the archive during the restore.");
        var (size, sha256) = await BackupArchiveFiles.ExtractAsync(entry, file, ct);
        if (size != expected.Size || !string.Equals(sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"'{expected.Path}' changed while it was being restored (checksum mismatch); the restore stopped.");
        }
    }
}
