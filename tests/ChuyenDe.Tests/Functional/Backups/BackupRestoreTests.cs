using System.IO.Compression;
using System.Net;
using ChuyenDe.Modules.Backups;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Backups;

/// <summary>
/// Issue 16's backup and restore: a site backed up while it serves requests is restored by the real command line into a
/// fresh data folder and database with every table and every media and key file identical; the restored site starts,
/// signs its users in, reads what the old key ring protected and finds content (a word inside an attachment too) in its
/// rebuilt search index. A changed archive and a target that is not empty are refused, touching nothing.
/// </summary>
public abstract class BackupRestoreTests<TSite>(TSite site) where TSite : BackedUpSiteFixture
{
    protected TSite Site => site;

    [SkippableFact]
    public async Task A_backup_taken_while_the_site_serves_restores_into_a_fresh_target_with_every_table_and_file_identical()
    {
        site.SkipUnlessAvailable();
        Assert.True(site.RequestsDuringBackup > 0, "The site answered no request while the backup ran.");
        Assert.NotEmpty(site.KeyFiles);
        Assert.Contains(site.MediaFiles.Keys, k => k.EndsWith(".docx", StringComparison.Ordinal));
        await using var target = await site.CreateTargetAsync();

        var restored = await HostCommandLine.RunAsync(target, "restore", site.Archive);

        Assert.True(restored.ExitCode == 0, restored.Error + restored.Output);
        Assert.Contains("Restored the backup", restored.Output, StringComparison.Ordinal);
        TableDumps.AssertEqual(site.Tables, await TableDumps.TakeAsync(target));
        FolderContents.AssertEqual(site.MediaFiles, FolderContents.Read(BackedUpSiteFixture.MediaFolder(target)));
        FolderContents.AssertEqual(site.KeyFiles, FolderContents.Read(BackedUpSiteFixture.KeysFolder(target)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(target.DataFolder, ".restore-*"));

        await using var restoredSite = new CmsAppFactory(target);
        using var client = restoredSite.CreateClient(new() { AllowAutoRedirect = false });
        var sample = await SearchWaiting.SearchUntilAsync(client, "vat lieu tai che", "Góc xây dựng từ vật liệu tái chế");
        Assert.Contains("Góc xây dựng từ vật liệu tái chế", sample, StringComparison.Ordinal);
        Assert.Contains(site.Title, await client.GetStringAsync("/tim-kiem?q=" + site.Marker), StringComparison.Ordinal);
        using (var signedIn = await SystemAdmin.SignInAsync(restoredSite, site.UserName, BackedUpSiteFixture.UserPassword))
        {
            using var admin = await signedIn.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        var protector = restoredSite.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(BackedUpSiteFixture.KeyPurpose);
        Assert.Equal("bí mật của khóa", protector.Unprotect(site.ProtectedPayload));
    }

    [SkippableFact]
    public async Task A_changed_archive_is_refused_before_anything_is_touched()
    {
        site.SkipUnlessAvailable();
        var tampered = Path.Combine(site.ArchiveFolder, $"tampered-{Guid.NewGuid():N}.zip");
        File.Copy(site.Archive, tampered);
        string changed;
        using (var archive = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            // One byte of one media file, the size kept: only the checksum can tell.
            var entry = archive.Entries.First(e => e.FullName.StartsWith(BackupManifest.MediaPrefix, StringComparison.Ordinal));
            changed = entry.FullName;
            byte[] bytes;
            using (var input = entry.Open())
            using (var copy = new MemoryStream())
            {
                input.CopyTo(copy);
                bytes = copy.ToArray();
            }

            bytes[bytes.Length / 2] ^= 0x5a;
            entry.Delete();
            using var output = archive.CreateEntry(changed).Open();
            output.Write(bytes);
        }

        await using var target = await site.CreateTargetAsync();
        var before = FolderContents.Listing(target.DataFolder);

        var result = await HostCommandLine.RunAsync(target, "restore", tampered, "--force");

        Assert.Equal(BackupCommand.Failed, result.ExitCode);
        Assert.Contains("failed verification", result.Error, StringComparison.Ordinal);
        Assert.Contains($"'{changed}' does not match its SHA-256 checksum", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was restored", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, FolderContents.Listing(target.DataFolder));
        Assert.Empty((await TableDumps.TakeAsync(target)).CatalogTables);
    }

    [SkippableFact]
    public async Task A_target_that_is_not_empty_is_refused_without_force_and_replaced_with_it()
    {
        site.SkipUnlessAvailable();
        await using var target = await site.CreateTargetAsync();
        var stray = Path.Combine(BackedUpSiteFixture.MediaFolder(target), "cu", "tep-cu.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        await File.WriteAllTextAsync(stray, "tệp của trang cũ");
        var before = FolderContents.Listing(target.DataFolder);

        var refused = await HostCommandLine.RunAsync(target, "restore", site.Archive);

        Assert.Equal(BackupCommand.Failed, refused.ExitCode);
        Assert.Contains("The target is not empty", refused.Error, StringComparison.Ordinal);
        Assert.Contains("holds 1 file. Nothing was restored.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, FolderContents.Listing(target.DataFolder));
        Assert.Empty((await TableDumps.TakeAsync(target)).CatalogTables);

        var forced = await HostCommandLine.RunAsync(target, "restore", site.Archive, "--force");

        Assert.True(forced.ExitCode == 0, forced.Error + forced.Output);
        Assert.False(File.Exists(stray));
        FolderContents.AssertEqual(site.MediaFiles, FolderContents.Read(BackedUpSiteFixture.MediaFolder(target)));
        TableDumps.AssertEqual(site.Tables, await TableDumps.TakeAsync(target));
    }
}

public sealed class BackupRestoreSqliteTests(SqliteBackedUpSite site)
    : BackupRestoreTests<SqliteBackedUpSite>(site), IClassFixture<SqliteBackedUpSite>
{
    [Fact]
    public async Task The_backup_command_line_writes_the_whole_site_into_one_archive_and_leaves_nothing_half_written()
    {
        var file = Path.Combine(Site.ArchiveFolder, $"command-line-{Guid.NewGuid():N}.zip");

        var result = await HostCommandLine.RunAsync(Site.Source, "backup", file);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("Backup written to " + file, result.Output, StringComparison.Ordinal);
        using (var archive = ZipFile.OpenRead(file))
        {
            BackupManifest manifest;
            using (var json = archive.GetEntry(BackupManifest.FileName)!.Open())
            {
                manifest = BackupManifest.Parse(json)!;
            }

            Assert.Equal(ChuyenDe.Modules.Data.DatabaseProvider.Sqlite, manifest.Provider);
            Assert.Equal(BackupManifest.CurrentFormatVersion, manifest.FormatVersion);
            Assert.False(string.IsNullOrEmpty(manifest.AppVersion));
            Assert.True(DateTime.UtcNow - manifest.CreatedUtc < TimeSpan.FromMinutes(5));
            string[] expected =
            [
                BackupManifest.SqliteDatabaseEntry,
                .. Site.MediaFiles.Keys.Select(k => BackupManifest.MediaPrefix + k.Replace(Path.DirectorySeparatorChar, '/')),
                .. Site.KeyFiles.Keys.Select(k => BackupManifest.KeysPrefix + k.Replace(Path.DirectorySeparatorChar, '/')),
            ];
            Assert.Equal(expected.Order(StringComparer.Ordinal), manifest.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Append(BackupManifest.FileName).Order(StringComparer.Ordinal), archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.All(manifest.Entries, e => Assert.Matches("^[0-9a-f]{64}$", e.Sha256));
        }

        var missingFolder = Path.Combine(Site.ArchiveFolder, "khong-co", "sao-luu.zip");
        var refused = await HostCommandLine.RunAsync(Site.Source, "backup", missingFolder);
        Assert.Equal(BackupCommand.Failed, refused.ExitCode);
        Assert.Contains("The folder of the archive does not exist", refused.Error, StringComparison.Ordinal);

        var usage = await HostCommandLine.RunAsync(Site.Source, "backup");
        Assert.Equal(BackupCommand.Usage, usage.ExitCode);
        Assert.Contains("Usage:", usage.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Site.ArchiveFolder, ".*"));
    }
}

public sealed class BackupRestorePostgresTests(PostgresBackedUpSite site)
    : BackupRestoreTests<PostgresBackedUpSite>(site), IClassFixture<PostgresBackedUpSite>;
