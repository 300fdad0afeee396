namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>The site on SQLite with the output cache switched off: pages are rendered from the data caches on every request.</summary>
public sealed class UncachedSqliteSiteFixture : SiteFixture
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["ChuyenDe:OutputCache:Enabled"] = "false" };

    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override CmsAppFactory CreateFactory(TestDatabase database) => new(database, Settings);
}
