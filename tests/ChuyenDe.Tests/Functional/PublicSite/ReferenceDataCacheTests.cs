using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The reference data kept across requests (definitions, site settings, organisations, taxonomies — see
/// <c>Caching/ReferenceDataCache</c>): each is read once, and a change, whoever saves it, is seen by the next request
/// (a new scope) on this node. The output cache is switched off, so the pages are rendered from these caches.
/// </summary>
public abstract class ReferenceDataCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private Task<T> NextRequestAsync<T>(Func<IServiceProvider, Task<T>> work) => fixture.WithServicesAsync(work);

    [SkippableFact]
    public async Task A_changed_setting_is_seen_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        await NextRequestAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync()); // cached
        var description = "Mô tả tham chiếu " + Guid.NewGuid().ToString("N")[..6];
        await NextRequestAsync(sp => sp.GetRequiredService<ISiteSettingsService>().MergeAsync(new JsonObject { ["Description"] = description }));

        Assert.Equal(description, (await NextRequestAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync())).Description);
        Assert.Equal(description, (await NextRequestAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetDocumentAsync()))["Description"]!.GetValue<string>());
        using var client = fixture.CreateClient();
        Assert.Contains(description, await client.GetStringAsync("/?r=" + Guid.NewGuid().ToString("N")));
    }

    [SkippableFact]
    public async Task A_renamed_unit_is_seen_by_the_next_request_and_a_caller_cannot_change_the_shared_list()
    {
        fixture.SkipUnlessAvailable();
        var before = await NextRequestAsync(async sp => (await sp.GetRequiredService<IOrganizationService>().ListAsync()).First());
        before.Name = "Đổi trong bộ nhớ, không lưu"; // a caller changing what it was given
        Assert.NotEqual(before.Name, (await NextRequestAsync(sp => sp.GetRequiredService<IOrganizationService>().GetAsync(before.Id)))!.Name);

        var newName = "Đơn vị đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await NextRequestAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<Organization>().SingleAsync(o => o.Id == before.Id)).Name = newName;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(newName, (await NextRequestAsync(sp => sp.GetRequiredService<IOrganizationService>().GetAsync(before.Id)))!.Name);
    }

    [SkippableFact]
    public async Task A_changed_type_definition_is_seen_by_the_next_request_and_by_the_request_that_changed_it()
    {
        fixture.SkipUnlessAvailable();
        var displayName = "Tin tức " + Guid.NewGuid().ToString("N")[..6];
        Assert.NotNull(await NextRequestAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Article")));

        var seenBySaver = await NextRequestAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            var json = (await definitions.GetTypeJsonAsync("Article"))!;
            json["DisplayName"] = displayName;
            Assert.True(await definitions.StoreTypeAsync(json));
            return (await definitions.GetTypeDefinitionAsync("Article"))!.DisplayName;
        });

        Assert.Equal(displayName, seenBySaver);
        Assert.Equal(displayName, (await NextRequestAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync("Article")))!.DisplayName);
    }

    [SkippableFact]
    public async Task A_term_renamed_through_the_content_manager_is_seen_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var (taxonomyId, termId) = await NextRequestAsync(async sp =>
        {
            var taxonomy = (await sp.GetRequiredService<ITaxonomyService>().ListTaxonomiesAsync()).First(t => t.Terms.Count > 0);
            return (taxonomy.ContentItemId, taxonomy.Terms[0].ContentItemId);
        });
        var title = "Chủ đề đổi tên " + Guid.NewGuid().ToString("N")[..6];

        var result = await NextRequestAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var taxonomy = (await manager.GetAsync(taxonomyId, VersionOptions.Latest))!;
            var term = Find(taxonomy.Part(ContentKinds.TaxonomyPart)!["Terms"] as JsonArray, termId)!;
            term[ContentKinds.TitlePart] = new JsonObject { ["Title"] = title };
            term["DisplayText"] = title;
            return await manager.PublishAsync(taxonomy, ContentActor.System);
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));

        Assert.Equal(title, (await NextRequestAsync(sp => sp.GetRequiredService<ITaxonomyService>().FindTermAsync(termId)))!.Title);
    }

    private static JsonObject? Find(JsonArray? terms, string id)
    {
        foreach (var term in terms?.OfType<JsonObject>() ?? [])
        {
            if ((term["ContentItemId"] as JsonValue)?.GetValue<string>() == id)
            {
                return term;
            }

            if (Find(term["Terms"] as JsonArray, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}

public sealed class ReferenceDataCacheSqliteTests(SqliteSiteFixture fixture) : ReferenceDataCacheTests<SqliteSiteFixture>(fixture);

public sealed class ReferenceDataCachePostgresTests(PostgresSiteFixture fixture) : ReferenceDataCacheTests<PostgresSiteFixture>(fixture);
