using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Library;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Statistics;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit;

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualClock() : this(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}

/// <summary>Row counts and the settings document, to prove that a refused recipe left the database as it was.</summary>
public sealed record DatabaseSnapshot(
    int ContentVersions,
    int ContentRoutes,
    int TypeDefinitions,
    int PartDefinitions,
    int Organizations,
    int Roles,
    int RoleClaims,
    int Users,
    int RecipeExecutions,
    string SettingsJson);

/// <summary>
/// The modules of the site wired as in Program.cs over a SQLite file in a temporary folder, migrated, with a
/// <see cref="ManualClock"/>. Every test gets its own host and database.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string SetupRecipeFileName = "chuyende.recipe.json";

    private readonly ServiceProvider _provider;

    private TestHost(ServiceProvider provider, string dataFolder, ManualClock clock)
    {
        _provider = provider;
        DataFolder = dataFolder;
        Clock = clock;
    }

    public IServiceProvider Services => _provider;
    public string DataFolder { get; }
    public ManualClock Clock { get; }
    public string MediaFolder => Path.Combine(DataFolder, "Media");

    /// <summary>Where the build copies the recipes (the setup looks for them there too).</summary>
    public static string RecipesFolder => Path.Combine(AppContext.BaseDirectory, "recipes");

    /// <param name="configuration">Extra configuration keys, e.g. <c>ChuyenDe:Setup:DemoPassword</c>.</param>
    /// <param name="configureServices">Extra registrations, e.g. a recording <see cref="IContentEventHandler"/>.</param>
    public static async Task<TestHost> CreateAsync(
        IReadOnlyDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chuyende-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(configuration ?? new Dictionary<string, string?>())
            .Build();
        var clock = new ManualClock();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddLocalization();
        services.AddSingleton<TimeProvider>(clock);
        services
            .AddDataModule(new DataOptions
            {
                DataFolder = folder,
                Provider = DatabaseProvider.Sqlite,
                ConnectionString = $"Data Source={Path.Combine(folder, "test.db")}",
            })
            .AddContentsModule()
            .AddRecipesModule()
            .AddSettingsModule()
            .AddOrganizationsModule()
            .AddUsersModule()
            .AddMediaModule()
            .AddFieldsModule()
            .AddLibraryModule()
            .AddReportsModule()
            .AddChartsModule()
            .AddStatisticsModule();
        // The setup recipe grants permissions of modules these hosts leave out (workflow, audit, search); declare them.
        services.AddSingleton<ChuyenDe.Modules.Security.IPermissionProvider, LeftOutModulePermissions>();
        services.AddSingleton<ChuyenDe.Modules.Security.IPermissionProvider, ChuyenDe.Modules.Commendations.CommendationPermissions>();
        configureServices?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new TestHost(provider, folder, clock);
        try
        {
            await DataModule.MigrateAsync(provider);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> in a scope of its own, like one web request.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Applies the real setup recipe from the build output.</summary>
    public Task<RecipeResult> RunSetupRecipeAsync()
        => InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>()
            .ExecuteFileAsync(Path.Combine(RecipesFolder, SetupRecipeFileName)));

    /// <summary>Applies a recipe given as text; <paramref name="directory"/> is where SourcePaths are resolved.</summary>
    public Task<RecipeResult> RunRecipeAsync(string json, string fileName = "test.recipe.json", string? directory = null)
        => InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(json, fileName, directory ?? DataFolder));

    public async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteSettingsService>().GetDocumentAsync();
        return new DatabaseSnapshot(
            await db.Set<ContentItemVersionRecord>().CountAsync(),
            await db.Set<ContentRouteRecord>().CountAsync(),
            await db.Set<ContentTypeDefinitionRecord>().CountAsync(),
            await db.Set<ContentPartDefinitionRecord>().CountAsync(),
            await db.Set<Organization>().CountAsync(),
            await db.Set<CmsRole>().CountAsync(),
            await db.Set<IdentityRoleClaim<string>>().CountAsync(),
            await db.Set<CmsUser>().CountAsync(),
            await db.Set<RecipeExecutionRecord>().CountAsync(),
            settings.ToJsonString());
    }

    /// <summary>Every file below the media folder, as paths relative to it with forward slashes.</summary>
    public IReadOnlyList<string> MediaFiles()
        => Directory.Exists(MediaFolder)
            ? Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(MediaFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test; the folder lives under the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Builders of valid items of the setup recipe's types, for tests that need a saved item quickly.</summary>
public static class Items
{
    public static async Task<ContentItem> NewArticleAsync(IContentManager contents, string title, string category = "news-hoat-dong")
    {
        var item = await contents.NewAsync("Article");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Nội dung bài viết.";
        item.GetOrCreateField("Article", "Category")["TermContentItemIds"] = new JsonArray(category);
        return item;
    }

    public static async Task<ContentItem> NewInitiativeAsync(IContentManager contents, string title)
    {
        var item = await contents.NewAsync("Initiative");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreateField("Initiative", "Summary")["Text"] = "Trẻ tự chọn món, tự xúc cơm và dọn bàn sau bữa ăn.";
        item.GetOrCreateField("Initiative", "Authors")["Text"] = "Nguyễn Thị Lan; Trần Thị Mai";
        item.GetOrCreateField("Initiative", "SchoolYear")["TermContentItemIds"] = new JsonArray("sy-2024-2025");
        item.GetOrCreateField("Initiative", "Criteria")["TermContentItemIds"] = new JsonArray("crit-1", "crit-3");
        return item;
    }

    public static async Task<ContentItem> NewModelSiteAsync(IContentManager contents, string title)
    {
        var item = await contents.NewAsync("ModelSite");
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.GetOrCreateField("ModelSite", "Summary")["Text"] = "Môi trường xanh, an toàn, thân thiện.";
        item.GetOrCreateField("ModelSite", "Theme")["TermContentItemIds"] = new JsonArray("theme-steam");
        item.GetOrCreateField("ModelSite", "Level")["TermContentItemIds"] = new JsonArray("level-quan-huyen");
        item.GetOrCreateField("ModelSite", "Address")["Text"] = "1 Lê Lợi, phường Bến Thành, Quận 1, TP. Hồ Chí Minh";
        item.GetOrCreateField("ModelSite", "Latitude")["Value"] = 10.776889m;
        item.GetOrCreateField("ModelSite", "Longitude")["Value"] = 106.700806m;
        return item;
    }
}

/// <summary>Permissions of the modules unit-test hosts do not load, so that the real setup recipe applies.</summary>
internal sealed class LeftOutModulePermissions : ChuyenDe.Modules.Security.IPermissionProvider
{
    public IEnumerable<ChuyenDe.Modules.Security.Permission> GetPermissions() =>
        new[] { "SubmitContent", "ReviewSubmissions", "AssessSubmissions", "CurateContent", "ViewAuditTrail", "RebuildSearchIndex", "PublishResults" }
            .Select(name => new ChuyenDe.Modules.Security.Permission(name, name));
}
