using System.Data.Common;
using Npgsql;

namespace ChuyenDe.Tests.Functional.Crash;

/// <summary>The crashed site on a PostgreSQL database of its own (<c>CHUYENDE_TEST_POSTGRES</c>; skipped without it outside CI).</summary>
public sealed class PostgresCrashSite : CrashSite
{
    protected override bool Available => !string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString);

    public override void SkipUnlessAvailable() => PostgresTestDatabase.SkipUnlessAvailable();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }

    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);
}
