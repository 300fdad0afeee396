using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The card models kept per published version (<c>Library/CardModels</c>), with the output cache off: the home page and
/// the lists show a new version, and a renamed unit, on the next anonymous request.
/// </summary>
public abstract class CardModelsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private async Task<string> AnonymousAsync(string url)
    {
        using var client = fixture.CreateClient();
        return await client.GetStringAsync(url);
    }

    [SkippableFact]
    public async Task A_new_published_version_is_seen_on_the_home_page_and_the_list_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến thẻ giữ lại"), CuuLong, Accounts.Administrator, publish: true);
        foreach (var url in new[] { "/", "/sang-kien" })
        {
            await AnonymousAsync(url);
            Assert.Contains("Tóm tắt ban đầu.", await AnonymousAsync(url)); // kept
        }

        var summary = "Tóm tắt mới " + Guid.NewGuid().ToString("N")[..8];
        var result = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreateField("Initiative", "Summary")["Text"] = summary;
            await contents.SaveDraftAsync(draft, ContentActor.System);
            return await contents.PublishLatestAsync(item.ContentItemId, ContentActor.System);
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));

        foreach (var url in new[] { "/", "/sang-kien" })
        {
            Assert.Contains(summary, await AnonymousAsync(url));
        }
    }

    [SkippableFact]
    public async Task A_renamed_unit_is_seen_on_the_kept_cards_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến của trường đổi tên"), CuuLong, Accounts.Administrator, publish: true);
        var oldName = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IOrganizationService>().GetAsync(CuuLong)))!.Name;
        await AnonymousAsync("/sang-kien");
        Assert.Contains($"<span>{oldName}</span>", await AnonymousAsync("/sang-kien"));

        var newName = "Trường Mầm non thẻ đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await RenameUnitAsync(CuuLong, newName);
        try
        {
            // The unit's name in a card's line under the title (sample texts may name the school too).
            var list = await AnonymousAsync("/sang-kien");
            Assert.Contains($"<span>{newName}</span>", list);
            Assert.DoesNotContain($"<span>{oldName}</span>", list);
            Assert.Contains($"<span>{newName}</span>", await AnonymousAsync("/"));
        }
        finally
        {
            await RenameUnitAsync(CuuLong, oldName);
        }

        Assert.Contains($"<span>{oldName}</span>", await AnonymousAsync("/sang-kien"));
    }

    [SkippableFact]
    public async Task A_renamed_content_type_is_seen_on_the_kept_cards_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến loại đổi tên"), CuuLong, Accounts.Administrator, publish: true);
        var oldName = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Initiative")))!.DisplayName;
        await AnonymousAsync("/sang-kien");
        Assert.Contains($"<p class=\"card-type\">{oldName}</p>", await AnonymousAsync("/sang-kien"));

        var newName = "Sáng kiến đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await RenameTypeAsync("Initiative", newName);
        try
        {
            Assert.Contains($"<p class=\"card-type\">{newName}</p>", await AnonymousAsync("/sang-kien"));
        }
        finally
        {
            await RenameTypeAsync("Initiative", oldName);
        }

        Assert.Contains($"<p class=\"card-type\">{oldName}</p>", await AnonymousAsync("/sang-kien"));
    }

    private Task<bool> RenameTypeAsync(string type, string displayName)
        => fixture.WithServicesAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            var json = (await definitions.GetTypeJsonAsync(type))!;
            json["DisplayName"] = displayName;
            return await definitions.StoreTypeAsync(json);
        });

    private Task<int> RenameUnitAsync(string id, string name)
        => fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<Organization>().SingleAsync(o => o.Id == id)).Name = name;
            return await db.SaveChangesAsync();
        });
}

public sealed class CardModelsSqliteTests(UncachedSqliteSiteFixture fixture) : CardModelsTests<UncachedSqliteSiteFixture>(fixture);

public sealed class CardModelsPostgresTests(UncachedPostgresSiteFixture fixture) : CardModelsTests<UncachedPostgresSiteFixture>(fixture);
