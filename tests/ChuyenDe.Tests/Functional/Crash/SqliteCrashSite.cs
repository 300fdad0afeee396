using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChuyenDe.Tests.Functional.Crash;

/// <summary>The crashed site on SQLite: a database file in its temporary data folder (always available).</summary>
public sealed class SqliteCrashSite : CrashSite
{
    protected override bool Available => true;

    public override void SkipUnlessAvailable()
    {
    }

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    // No pool: the file is read between runs of the site, and deleted at the end.
    protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString + ";Pooling=False");
}
