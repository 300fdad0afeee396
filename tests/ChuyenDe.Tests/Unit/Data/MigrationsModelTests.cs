using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Data;

/// <summary>
/// The model the modules build equals the last migration's snapshot on both providers (what
/// <c>dotnet ef migrations has-pending-model-changes</c> checks in CI), also when built inside the site's services,
/// where Identity's options are present: the Identity tables come from Users' configuration, not from options.
/// </summary>
public sealed class MigrationsModelTests
{
    [Fact]
    public void The_SQLite_model_has_no_change_without_a_migration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_PostgreSQL_model_has_no_change_without_a_migration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task The_model_built_in_the_sites_services_has_no_change_without_a_migration_and_holds_the_Identity_tables()
    {
        await using var host = await TestHost.CreateAsync();
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal("AspNetUsers", db.Model.FindEntityType(typeof(CmsUser))?.GetTableName());
        Assert.Equal("AspNetRoles", db.Model.FindEntityType(typeof(CmsRole))?.GetTableName());
        Assert.Equal("AspNetUserRoles", db.Model.FindEntityType(typeof(IdentityUserRole<string>))?.GetTableName());
        Assert.Equal("AspNetRoleClaims", db.Model.FindEntityType(typeof(IdentityRoleClaim<string>))?.GetTableName());
        Assert.Equal("AspNetUserClaims", db.Model.FindEntityType(typeof(IdentityUserClaim<string>))?.GetTableName());
        Assert.Equal("AspNetUserLogins", db.Model.FindEntityType(typeof(IdentityUserLogin<string>))?.GetTableName());
        Assert.Equal("AspNetUserTokens", db.Model.FindEntityType(typeof(IdentityUserToken<string>))?.GetTableName());
    }
}
