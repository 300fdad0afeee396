namespace ChuyenDe.Tests.Functional.Harvesting;

/// <summary>The site with OAI-PMH lists of five records a page, so a harvest of the sample crosses many resumption tokens.</summary>
public sealed class OaiSqliteFixture : SiteFixture
{
    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override CmsAppFactory CreateFactory(TestDatabase database)
        => new(database, new Dictionary<string, string?> { ["ChuyenDe:Oai:PageSize"] = OaiPmhTests<OaiSqliteFixture>.PageSize.ToString() });
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class OaiPostgresFixture : SiteFixture
{
    protected override bool Available => !string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString);

    public override void SkipUnlessAvailable() => PostgresTestDatabase.SkipUnlessAvailable();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }

    protected override CmsAppFactory CreateFactory(TestDatabase database)
        => new(database, new Dictionary<string, string?> { ["ChuyenDe:Oai:PageSize"] = OaiPmhTests<OaiPostgresFixture>.PageSize.ToString() });
}
