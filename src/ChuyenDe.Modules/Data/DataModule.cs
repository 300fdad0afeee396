using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace ChuyenDe.Modules.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the site keeps its data: <c>ChuyenDe:DataFolder</c> and <c>ChuyenDe:Database</c>.</summary>
public sealed class DataOptions
{
    public required string DataFolder { get; init; }
    public DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }

    /// <summary>
    /// The media files: <c>ChuyenDe:Media:Root</c> when set (a folder shared by the nodes, e.g. an NFS mount; uploads are
    /// staged in its <c>.staging</c> folder and renamed into place, atomic on the same file system), else <c>{DataFolder}/Media</c>.
    /// </summary>
    public string MediaFolder => MediaRoot ?? Path.Combine(DataFolder, "Media");

    /// <summary><c>ChuyenDe:Media:Root</c>, absolute; null for the data folder's own.</summary>
    public string? MediaRoot { get; init; }
    public string IndexFolder => Path.Combine(DataFolder, "Index");

    public static DataOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["ChuyenDe:DataFolder"];
        folder = string.IsNullOrWhiteSpace(folder) ? Path.Combine(contentRoot, "App_Data") : Path.GetFullPath(folder, contentRoot);
        var providerText = configuration["ChuyenDe:Database:Provider"];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(providerText) ? nameof(DatabaseProvider.Sqlite) : providerText, true, out var provider))
        {
            throw new InvalidOperationException(
                $"ChuyenDe:Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        }

        var connectionString = configuration["ChuyenDe:Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("ChuyenDe:Database:ConnectionString is required for PostgreSQL.");
            }

            connectionString = $"Data Source={Path.Combine(folder, "chuyende.db")}";
        }

        var mediaRoot = configuration["ChuyenDe:Media:Root"];
        return new DataOptions
        {
            DataFolder = folder, Provider = provider, ConnectionString = connectionString,
            MediaRoot = string.IsNullOrWhiteSpace(mediaRoot) ? null : Path.GetFullPath(mediaRoot, contentRoot),
        };
    }
}

public static class DataModule
{
    public static IServiceCollection AddDataModule(this IServiceCollection services, DataOptions options)
    {
        services.AddSingleton(options);
        // The options are built once (their interceptors are singletons): built per request, with EF looking up its
        // internal services by comparing them, they cost an anonymous page more than one of its queries. The contexts
        // are pooled (a request leases one and EF resets it when the scope ends): constructing one per request was ~5 %
        // of an uncached page. No state may be kept on a context across requests: what is kept per context (see
        // Caching/ReferenceDataCache) is tied to the lease (DbContext.ContextId.Lease), which changes on every reuse.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<CmsDbContext, PostgresCmsDbContext>(
                (sp, o) => o.UseNpgsql(options.ConnectionString).AddInterceptors(Interceptors(sp)));
        }
        else
        {
            services.AddDbContextPool<CmsDbContext, SqliteCmsDbContext>(
                (sp, o) => o.UseSqlite(options.ConnectionString).AddInterceptors(Interceptors(sp)));
        }

        services.AddScoped<DbContext>(sp => sp.GetRequiredService<CmsDbContext>());
        // One node: background jobs lock in process; the scale-out module replaces it with a lock across nodes.
        services.TryAddSingleton<IDistributedLock, LocalDistributedLock>();
        // Keys for cookies and anti-forgery live with the data, so restarts and other nodes can read them.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataFolder, "DataProtection-Keys")))
            .SetApplicationName("ChuyenDe.Cms");
        return services;
    }

    /// <summary>
    /// The interceptors of the site's DbContext: the one running work after commits (<see cref="CommitActions"/>) and the
    /// singletons other modules register as <see cref="IInterceptor"/> (e.g. the eviction of cached pages).
    /// </summary>
    private static IEnumerable<IInterceptor> Interceptors(IServiceProvider services)
        => [CommitActions.Interceptor, .. services.GetServices<IInterceptor>()];

    /// <summary>
    /// Runs the first-start work (migrations, recipes) once across nodes starting together: on PostgreSQL under a session
    /// advisory lock (<c>pg_advisory_lock</c>), so the other nodes wait and then find it done; on SQLite (one node) as it is.
    /// </summary>
    public static async Task RunStartupExclusiveAsync(IServiceProvider services, Func<Task> work, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DataOptions>();
        if (options.Provider != DatabaseProvider.Postgres)
        {
            await work();
            return;
        }

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", StartupLockKey);
            take.CommandTimeout = 0; // as long as the node that migrates takes
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", StartupLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The advisory lock key of the first-start work ("ChuyenDe" in ASCII, a constant of this application).</summary>
    private const long StartupLockKey = 0x4368_7579_656E_4465;

    /// <summary>Creates the data folders and brings the database schema up to date.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DataOptions>();
        Directory.CreateDirectory(options.DataFolder);
        Directory.CreateDirectory(options.MediaFolder);
        Directory.CreateDirectory(options.IndexFolder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Design-time factory for <c>dotnet ef migrations add --context SqliteCmsDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCmsDbContext>
{
    public SqliteCmsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Design-time factory for <c>dotnet ef migrations add --context PostgresCmsDbContext</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCmsDbContext>
{
    public PostgresCmsDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresCmsDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
