using System.Net;
using ChuyenDe.Modules.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChuyenDe.Tests.Functional;

/// <summary>Where a functional test's database lives: a temporary SQLite file, or a fresh PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }
    public abstract string ConnectionString { get; }
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("chuyende-test-").FullName;

    public virtual ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteTestDatabase : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "chuyende.db")}";
}

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>CHUYENDE_TEST_POSTGRES</c> (set by .ci/run).
/// Outside CI, without that variable, PostgreSQL tests are skipped; in CI its absence is a failure.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "CHUYENDE_TEST_POSTGRES";
    private readonly string _name = "cms_test_" + Guid.NewGuid().ToString("N")[..12];

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test outside CI when no server is configured; fails in CI.</summary>
    public static void SkipUnlessAvailable()
    {
        if (string.IsNullOrEmpty(ServerConnectionString))
        {
            if (InCi)
            {
                throw new InvalidOperationException($"{Variable} is not set in CI: .ci/run must start PostgreSQL and set it.");
            }

            Skip.If(true, $"PostgreSQL is not configured here ({Variable} unset); .ci/run starts it and these tests run in CI.");
        }
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name }.ConnectionString;

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!string.IsNullOrEmpty(ServerConnectionString))
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
                {
                    // A background session of the server (e.g. autovacuum) was on the database for a moment: try again.
                    await Task.Delay(300);
                }
            }
        }

        await base.DisposeAsync();
    }
}

/// <summary>
/// The real site, booted from the real recipes, on a test database (<paramref name="services"/>: test-only services;
/// <paramref name="configure"/>: test-only additions to the host).
/// </summary>
public sealed class CmsAppFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Quantri-2026-Test";
    public const string DemoPassword = "Demo-2026-Test";

    /// <summary>
    /// A request header giving the client's address (the test server has none), as a machine on the network would:
    /// sign-in throttling per address, redirects to https for other machines.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ChuyenDe:DataFolder", database.DataFolder);
        builder.UseSetting("ChuyenDe:Database:Provider", database.Provider.ToString());
        builder.UseSetting("ChuyenDe:Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("ChuyenDe:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("ChuyenDe:Setup:DemoPassword", DemoPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The automatic deadline reminders would write notifications at start-up; their tests run a pass on a clock of their own.
        builder.UseSetting("ChuyenDe:Reports:ReminderDaysBeforeDeadline", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddressStartupFilter>();
            services?.Invoke(s);
        });
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientAddressHeader"/>, before anything else runs.</summary>
    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                    context.Request.Headers.Remove(ClientAddressHeader);
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
