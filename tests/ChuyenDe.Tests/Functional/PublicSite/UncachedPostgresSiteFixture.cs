namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>The same on PostgreSQL (skipped without a server).</summary>
public sealed class UncachedPostgresSiteFixture : SiteFixture
{
    protected override bool Available => !string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString);

    public override void SkipUnlessAvailable() => PostgresTestDatabase.SkipUnlessAvailable();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }

    protected override CmsAppFactory CreateFactory(TestDatabase database) => new(database, UncachedSqliteSiteFixture.Settings);
}
