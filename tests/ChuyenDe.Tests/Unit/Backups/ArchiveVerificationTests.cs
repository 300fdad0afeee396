using System.IO.Compression;
using System.Security.Cryptography;
using ChuyenDe.Modules.Backups;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Backups;

/// <summary>
/// What a restore refuses before it touches the target (an archive not of this site, changed, padded, reaching outside
/// its folders, of the other provider), and a cancelled backup leaving neither an archive nor its temporary file.
/// </summary>
public sealed class ArchiveVerificationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chuyende-archives-").FullName;

    private string Target => Path.Combine(_folder, "target");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_well_formed_archive_passes_verification_and_reaches_the_target_checks()
    {
        // Verified, then refused for the non-empty target: the verification itself found nothing wrong.
        var archive = Write(("database/chuyende.db", [1, 2, 3], true), ("media/a.jpg", [4, 5], true));
        Directory.CreateDirectory(Path.Combine(Target, "Media"));
        await File.WriteAllTextAsync(Path.Combine(Target, "Media", "old.txt"), "cũ");

        var error = await Assert.ThrowsAsync<BackupException>(() => Restore().RestoreAsync(archive, force: false));

        Assert.StartsWith("The target is not empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_not_listed_in_the_manifest_is_refused()
    {
        var archive = Write(("database/chuyende.db", [1, 2, 3], true), ("media/extra.jpg", [9], false));
        await AssertRefusedAsync(archive, "'media/extra.jpg' is in the archive but not in its manifest");
    }

    [Fact]
    public async Task A_listed_entry_missing_from_the_archive_is_refused()
    {
        var archive = Write(("database/chuyende.db", [1, 2, 3], true), ("media/gone.jpg", [9], true));
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
        {
            zip.GetEntry("media/gone.jpg")!.Delete();
        }

        await AssertRefusedAsync(archive, "'media/gone.jpg' is listed in the manifest but missing from the archive");
    }

    [Theory]
    [InlineData("media/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("Index/public/segments_1")]
    public async Task A_path_outside_the_restored_folders_is_refused(string path)
    {
        var archive = Write(("database/chuyende.db", [1, 2, 3], true), (path, [9], true));
        await AssertRefusedAsync(archive, $"the manifest lists an entry this site does not restore: '{path}'");
    }

    [Fact]
    public async Task An_archive_without_a_manifest_or_not_a_zip_is_refused()
    {
        var noManifest = Path.Combine(_folder, "no-manifest.zip");
        using (var zip = ZipFile.Open(noManifest, ZipArchiveMode.Create))
        {
            zip.CreateEntry("database/chuyende.db");
        }

        await AssertRefusedAsync(noManifest, "it has no manifest.json");

        var text = Path.Combine(_folder, "notes.zip");
        await File.WriteAllTextAsync(text, "không phải tệp zip");
        var error = await Assert.ThrowsAsync<BackupException>(() => Restore().RestoreAsync(text, force: true));
        Assert.Contains("is not a backup archive", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task An_archive_of_the_other_provider_is_refused()
    {
        var archive = Write(DatabaseProvider.Postgres, ("database/chuyende.pgdump", [1, 2, 3], true));
        var error = await Assert.ThrowsAsync<BackupException>(() => Restore().RestoreAsync(archive, force: true));
        Assert.Contains("holds a Postgres database but this site is configured for Sqlite", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task A_cancelled_backup_leaves_neither_the_archive_nor_its_temporary_file()
    {
        var data = Path.Combine(_folder, "site");
        Directory.CreateDirectory(Path.Combine(data, "Media"));
        await File.WriteAllBytesAsync(Path.Combine(data, "Media", "anh.jpg"), new byte[200_000]);
        var options = new DataOptions { DataFolder = data, Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(data, "chuyende.db")}" };
        await using (var connection = new SqliteConnection(options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT); INSERT INTO Notes (Text) VALUES ('mầm non');";
            await command.ExecuteNonQueryAsync();
        }

        var backups = Path.Combine(_folder, "backups");
        Directory.CreateDirectory(backups);
        var service = new BackupService(options, new PostgresTools(Options.Create(new BackupOptions())), TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.CreateAsync(Path.Combine(backups, "sao-luu.zip"), cancelled.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(backups));

        var written = await service.CreateAsync(Path.Combine(backups, "sao-luu.zip"));
        Assert.Equal(2, written.Entries);
        Assert.Equal(new[] { Path.Combine(backups, "sao-luu.zip") }, Directory.EnumerateFileSystemEntries(backups));
    }

    private async Task AssertRefusedAsync(string archive, string why)
    {
        var error = await Assert.ThrowsAsync<BackupException>(() => Restore().RestoreAsync(archive, force: true));
        Assert.Equal($"The archive failed verification: {why}. Nothing was restored.", error.Message);
        Assert.False(Directory.Exists(Target));
    }

    private RestoreService Restore()
    {
        var data = new DataOptions { DataFolder = Target, Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(Target, "chuyende.db")}" };
        return new RestoreService(data, new PostgresTools(Options.Create(new BackupOptions())), new SearchOptions(), new NoIndex(),
            NullLogger<RestoreService>.Instance);
    }

    private string Write(params (string Path, byte[] Bytes, bool Listed)[] entries) => Write(DatabaseProvider.Sqlite, entries);

    /// <summary>An archive with these entries and a manifest listing those marked listed (with their true checksums).</summary>
    private string Write(DatabaseProvider provider, params (string Path, byte[] Bytes, bool Listed)[] entries)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        foreach (var (path, bytes, _) in entries)
        {
            using var output = zip.CreateEntry(path).Open();
            output.Write(bytes);
        }

        var manifest = new BackupManifest
        {
            CreatedUtc = DateTime.UtcNow,
            AppVersion = "test",
            Provider = provider,
            Entries = [.. entries.Where(e => e.Listed).Select(e => new BackupManifestEntry(e.Path, e.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(e.Bytes))))],
        };
        using (var output = zip.CreateEntry(BackupManifest.FileName).Open())
        {
            output.Write(manifest.ToJson());
        }

        return file;
    }

    private sealed class NoIndex : ISearchIndexMaintenance
    {
        public Task<int> CatchUpAsync(CancellationToken ct = default) => throw new InvalidOperationException("Not reached.");

        public Task RebuildAsync(CancellationToken ct = default) => throw new InvalidOperationException("Not reached.");
    }
}
