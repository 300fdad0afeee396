using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChuyenDe.Tests.Functional.Operations;

/// <summary>
/// The readiness answers 503 when the database cannot be reached, and liveness still answers 200 (the process is up): a
/// site of its own per test, whose database is taken away after the start.
/// </summary>
public sealed class DatabaseDownTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Report)> GetAsync(CmsAppFactory factory, string url)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body); // no stack trace
        return (response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    private static async Task AssertNotReadyAsync(CmsAppFactory factory)
    {
        var (status, report) = await GetAsync(factory, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", report["entries"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/live")).Status);
    }

    [Fact]
    public async Task Sqlite_file_gone_makes_the_site_not_ready()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new CmsAppFactory(database);
        _ = factory.Server;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);

        // The database file replaced by a folder of the same name (which no one, root included, can open as a database).
        // The site's background work may open (and so create) the file again between the deletion and the folder's
        // creation: try again until the folder stands in its place.
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        for (var attempt = 1; !Directory.Exists(file); attempt++)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            try
            {
                Directory.CreateDirectory(file);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(20);
            }
        }

        await AssertNotReadyAsync(factory);
    }

    [SkippableFact]
    public async Task Postgres_refusing_connections_makes_the_site_not_ready()
    {
        PostgresTestDatabase.SkipUnlessAvailable();
        await using var database = new PostgresTestDatabase();
        await database.CreateAsync();
        await using var factory = new CmsAppFactory(database);
        _ = factory.Server;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);

        // No new connection to the site's database (its owner is no superuser), and the open ones ended.
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        await using (var admin = new NpgsqlConnection(PostgresTestDatabase.ServerConnectionString))
        {
            await admin.OpenAsync();
            await using var limit = new NpgsqlCommand($"ALTER DATABASE \"{name}\" CONNECTION LIMIT 0", admin);
            await limit.ExecuteNonQueryAsync();
            await using var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            end.Parameters.AddWithValue("name", name);
            await end.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await AssertNotReadyAsync(factory);
    }
}
