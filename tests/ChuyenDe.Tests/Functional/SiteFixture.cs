using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional;

/// <summary>One booted site per test class, on the provider the class is for.</summary>
public abstract class SiteFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private CmsAppFactory? _factory;

    protected abstract bool Available { get; }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public CmsAppFactory Factory => _factory ?? throw new InvalidOperationException("The site did not start.");

    public HttpClient CreateClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>Runs work in a service scope of the running site.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public virtual void SkipUnlessAvailable()
    {
    }

    /// <summary>The site on the database; a fixture may add settings or services.</summary>
    protected virtual CmsAppFactory CreateFactory(TestDatabase database) => new(database);

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _database = await CreateDatabaseAsync();
        _factory = CreateFactory(_database);
        _ = _factory.Server; // boots the site: migrations, recipes, administrator
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteSiteFixture : SiteFixture
{
    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgresSiteFixture : SiteFixture
{
    protected override bool Available => !string.IsNullOrEmpty(PostgresTestDatabase.ServerConnectionString);

    public override void SkipUnlessAvailable() => PostgresTestDatabase.SkipUnlessAvailable();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }
}
