using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Data;

/// <summary>
/// The one database of the site. Each module owns its tables through <c>IEntityTypeConfiguration</c> classes in its
/// folder, picked up from this assembly (Users contributes Identity's tables that way, so Data knows nothing of
/// Identity); modules use the context as a plain <see cref="DbContext"/>.
/// Two sealed subclasses carry the provider-specific migrations.
/// </summary>
public abstract class CmsDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfigurationsFromAssembly(typeof(CmsDbContext).Assembly, t => !t.IsAbstract);
        ConfigureProvider(builder);
    }

    /// <summary>Provider-specific column types, e.g. jsonb for JSON documents on PostgreSQL.</summary>
    protected abstract void ConfigureProvider(ModelBuilder builder);
}

public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options)
{
    protected override void ConfigureProvider(ModelBuilder builder)
    {
        // SQLite cannot order or compare DateTimeOffset; the model uses DateTime in UTC only.
    }
}

public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options) : CmsDbContext(options)
{
    /// <remarks>DateTime columns are timestamptz (Npgsql's default); every DateTime the site writes is UTC.</remarks>
    protected override void ConfigureProvider(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(ModelBuilderExtensions.JsonColumnAnnotation) is not null)
                {
                    property.SetColumnType("jsonb");
                }
            }
        }
    }
}
