using System.Text.Json.Nodes;
using ChuyenDe.Modules.Backups;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Functional.Backups;

/// <summary>
/// A site with the sample content, an uploaded Word document attached to a published initiative, a user of its own and
/// a data-protection key, backed up once (through the site's own backup service) while it answers requests; then
/// stopped, and what it held read for the comparisons: every table, the media and key files.
/// </summary>
public abstract class BackedUpSiteFixture : IAsyncLifetime
{
    public const string KeyPurpose = "ChuyenDe.Tests.Backups";
    public const string UserPassword = "Sao-luu-2026-Test";

    private TestDatabase? _source;
    private string? _folder;

    protected abstract bool Available { get; }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public abstract void SkipUnlessAvailable();

    public Task<TestDatabase> CreateTargetAsync() => CreateDatabaseAsync();

    public TestDatabase Source => _source ?? throw new InvalidOperationException("The site was not backed up.");

    /// <summary>A folder of its own for archives (outside the data folders).</summary>
    public string ArchiveFolder => _folder ?? throw new InvalidOperationException("The site was not backed up.");

    public string Archive => Path.Combine(ArchiveFolder, "chuyende-backup.zip");

    /// <summary>A word found only inside the attached document (as typed without tone marks) and its item's title.</summary>
    public string Marker { get; } = "kinhlup" + Guid.NewGuid().ToString("N")[..6];

    public string Title { get; } = ContentAdminSupport.FreshTitle("Góc khám phá thiên nhiên sao lưu");

    public string UserName { get; } = "saoluu" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A payload protected with the site's key ring (a restored ring must read it).</summary>
    public string ProtectedPayload { get; private set; } = "";

    /// <summary>Requests answered while the backup ran.</summary>
    public int RequestsDuringBackup { get; private set; }

    public TableDumps.Dump Tables { get; private set; } = null!;
    public SortedDictionary<string, byte[]> MediaFiles { get; private set; } = null!;
    public SortedDictionary<string, byte[]> KeyFiles { get; private set; } = null!;

    public static string MediaFolder(TestDatabase database) => Path.Combine(database.DataFolder, "Media");

    public static string KeysFolder(TestDatabase database) => Path.Combine(database.DataFolder, "DataProtection-Keys");

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _folder = Directory.CreateTempSubdirectory("chuyende-backups-").FullName;
        _source = await CreateDatabaseAsync();
        await using (var site = new CmsAppFactory(_source))
        {
            await AddContentAsync(site);

            // Signed in through the site: the key ring gets its key (cookies, anti-forgery), as on a site in use.
            using (await SystemAdmin.SignInAsync(site, UserName, UserPassword))
            {
            }

            ProtectedPayload = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(KeyPurpose).Protect("bí mật của khóa");

            using var stop = new CancellationTokenSource();
            var requests = 0;
            var traffic = Task.Run(async () =>
            {
                using var client = site.CreateClient(new() { AllowAutoRedirect = false });
                while (!stop.IsCancellationRequested)
                {
                    using var response = await client.GetAsync(requests % 2 == 0 ? "/" : "/tim-kiem?q=tre");
                    response.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref requests);
                }
            });
            while (Volatile.Read(ref requests) < 3)
            {
                await Task.Delay(20);
            }

            var before = Volatile.Read(ref requests);
            await site.Services.GetRequiredService<BackupService>().CreateAsync(Archive);
            RequestsDuringBackup = Volatile.Read(ref requests) - before;
            await stop.CancelAsync();
            await traffic;
        }

        Tables = await TableDumps.TakeAsync(_source);
        MediaFiles = FolderContents.Read(MediaFolder(_source), ".staging");
        KeyFiles = FolderContents.Read(KeysFolder(_source));
    }

    private async Task AddContentAsync(CmsAppFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        var created = await users.CreateAsync(
            new CmsUser { UserName = UserName, Email = UserName + "@example.edu.vn", DisplayName = "Người sao lưu", OrganizationId = ContentAdminSupport.BenThanh, CreatedUtc = DateTime.UtcNow },
            UserPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync((await users.FindByNameAsync(UserName))!, RoleNames.SchoolContributor);
        Assert.True(role.Succeeded, string.Join("; ", role.Errors.Select(e => e.Description)));

        var admin = (await users.FindByNameAsync(Accounts.Administrator))!;
        var docx = SampleFiles.Docx([$"Trẻ dùng kính lúp {Marker} để quan sát lá cây trong vườn trường."]);
        using var stream = new MemoryStream(docx);
        var upload = await sp.GetRequiredService<IMediaUploadService>().UploadAsync(stream, "Kế hoạch góc khám phá.docx", docx.Length,
            new MediaUploadTarget(ContentAdminSupport.BenThanh, "", admin.Id));
        Assert.True(upload.Ok, upload.Message);

        var contents = sp.GetRequiredService<IContentManager>();
        var item = await Items.NewInitiativeAsync(contents, Title);
        item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = ContentAdminSupport.BenThanh;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Trẻ tự khám phá thiên nhiên ở góc vườn.";
        item.GetOrCreateField("Initiative", "Attachments")["Paths"] = new JsonArray(upload.Path);
        var published = await contents.PublishAsync(item, new ContentActor(admin.Id, admin.UserName!));
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

public sealed class SqliteBackedUpSite : BackedUpSiteFixture
{
    protected override bool Available => true;

    public override void SkipUnlessAvailable()
    {
    }

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgresBackedUpSite : BackedUpSiteFixture
{
    protected override bool Available => !string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString) && PostgresClientFound;

    /// <summary>Whether pg_dump and pg_restore are on this machine (CI installs PostgreSQL 15 with them).</summary>
    private static bool PostgresClientFound
    {
        get
        {
            try
            {
                var tools = new PostgresTools(Options.Create(new BackupOptions()));
                tools.Find("pg_dump");
                tools.Find("pg_restore");
                return true;
            }
            catch (BackupException)
            {
                return false;
            }
        }
    }

    public override void SkipUnlessAvailable()
    {
        PostgresTestDatabase.SkipUnlessAvailable();
        if (!PostgresClientFound)
        {
            if (PostgresTestDatabase.InCi)
            {
                throw new InvalidOperationException("pg_dump and pg_restore are missing in CI: .ci/run installs PostgreSQL with its client programs.");
            }

            Skip.If(true, "pg_dump/pg_restore are not installed here (PostgreSQL's client programs); CI has them.");
        }
    }

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }
}
