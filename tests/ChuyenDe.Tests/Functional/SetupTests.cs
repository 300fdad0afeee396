using System.Net;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional;

/// <summary>First start applies the recipes and creates the accounts; a second start reuses everything.</summary>
public abstract class SetupTests
{
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    protected virtual void SkipUnlessAvailable()
    {
    }

    private sealed record Snapshot(int Versions, int Routes, int Terms, int Types, int Users, int Roles, int Organizations, int RecipeRuns, string AdminHash);

    private static async Task<Snapshot> TakeAsync(CmsAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("admin");
        return new Snapshot(
            await db.Set<ContentItemVersionRecord>().CountAsync(),
            await db.Set<ContentRouteRecord>().CountAsync(),
            await db.Set<ContentTaxonomyRecord>().CountAsync(),
            await db.Set<ContentTypeDefinitionRecord>().CountAsync(),
            await db.Set<CmsUser>().CountAsync(),
            await db.Set<CmsRole>().CountAsync(),
            await db.Set<ChuyenDe.Modules.Organizations.Organization>().CountAsync(),
            await db.Set<RecipeExecutionRecord>().CountAsync(),
            admin!.PasswordHash!);
    }

    [SkippableFact]
    public async Task A_second_start_reuses_the_data_and_applies_nothing_twice()
    {
        SkipUnlessAvailable();
        await using var database = await CreateDatabaseAsync();
        Snapshot first;
        await using (var factory = new CmsAppFactory(database))
        {
            first = await TakeAsync(factory);
            using var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        Assert.Equal(2, first.RecipeRuns);
        Assert.True(first.Versions >= 50);

        await using (var again = new CmsAppFactory(database))
        {
            var second = await TakeAsync(again);
            Assert.Equal(first, second);
            using var client = again.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
    }

    [SkippableFact]
    public async Task The_administrator_and_one_demo_account_per_role_are_created_when_a_demo_password_is_set()
    {
        SkipUnlessAvailable();
        await using var database = await CreateDatabaseAsync();
        await using var factory = new CmsAppFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();

        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, CmsAppFactory.AdminPassword));
        Assert.True(await users.IsInRoleAsync(admin, RoleNames.Administrator));

        foreach (var (userName, role, organization) in new[]
                 {
                     ("truong.benthanh", RoleNames.SchoolContributor, "truong-mn-ben-thanh"),
                     ("phong.quan1", RoleNames.DistrictCurator, "phong-quan-1"),
                     ("so.hcm", RoleNames.DepartmentCurator, "so-hcm"),
                     ("bcl.quan1", RoleNames.Reviewer, "phong-quan-1"),
                 })
        {
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, CmsAppFactory.DemoPassword), userName);
            Assert.True(await users.IsInRoleAsync(user, role), $"{userName} should be {role}");
            Assert.Equal(organization, user.OrganizationId);
        }
    }

    [SkippableFact]
    public async Task Without_a_demo_password_no_demo_account_exists()
    {
        SkipUnlessAvailable();
        await using var database = await CreateDatabaseAsync();
        await using var factory = new CmsAppFactory(database, new Dictionary<string, string?> { ["ChuyenDe:Setup:DemoPassword"] = "" });
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();

        Assert.NotNull(await users.FindByNameAsync("admin"));
        Assert.Null(await users.FindByNameAsync("truong.benthanh"));
        Assert.Equal(1, await users.Users.CountAsync());
    }
}

public sealed class SetupSqliteTests : SetupTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class SetupPostgresTests : SetupTests
{
    protected override void SkipUnlessAvailable() => PostgresTestDatabase.SkipUnlessAvailable();

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }
}
