using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The public lists' pages and counts kept across requests (<c>Contents/PublishedLists</c>, key
/// <c>PublishedContentKeys.Lists</c> in the <c>ReferenceDataCache</c>), with the output cache switched off: the home, the
/// lists and the feeds show a publication, a new published version, an unpublication, a curation and a renamed unit
/// on the next anonymous request (the cards' HTML is kept under all their values, <c>ContentCard.FragmentKey</c>), and a
/// draft nowhere.
/// </summary>
public abstract class PublishedListCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly string[] Lists = ["/", "/sang-kien", "/feed", "/sang-kien/feed"];

    private async Task<string> AnonymousAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads every list twice, so that what they show is kept before the change under test.</summary>
    private async Task WarmAsync(params string[] urls)
    {
        foreach (var url in urls.Concat(urls))
        {
            await AnonymousAsync(url);
        }
    }

    private Task<int> PublishedInitiativesAsync()
        => fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IContentQueryService>().CountPublishedByTypeAsync()).GetValueOrDefault("Initiative"));

    [SkippableFact]
    public async Task Publishing_a_new_version_and_unpublishing_are_seen_by_the_lists_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        await WarmAsync(Lists);
        var before = await PublishedInitiativesAsync();
        var title = FreshTitle("Sáng kiến mới trong danh sách");
        var item = await CreateInitiativeAsync(fixture, title, BenThanh, Accounts.Administrator, publish: true);
        foreach (var url in Lists)
        {
            Assert.Contains(title, await AnonymousAsync(url));
        }

        Assert.Equal(before + 1, await PublishedInitiativesAsync());
        await WarmAsync(Lists);

        // A draft shows nowhere; its publication replaces the old title everywhere.
        var newTitle = FreshTitle("Sáng kiến đổi tên trong danh sách");
        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("TitlePart")["Title"] = newTitle;
            return await contents.SaveDraftAsync(draft, ContentActor.System);
        });
        foreach (var url in Lists)
        {
            var body = await AnonymousAsync(url);
            Assert.Contains(title, body);
            Assert.DoesNotContain(newTitle, body);
        }

        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().PublishLatestAsync(item.ContentItemId, ContentActor.System));
        foreach (var url in Lists)
        {
            var body = await AnonymousAsync(url);
            Assert.Contains(newTitle, body);
            Assert.DoesNotContain(title, body);
        }

        await WarmAsync(Lists);
        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(item.ContentItemId, ContentActor.System)));
        foreach (var url in Lists)
        {
            Assert.DoesNotContain(newTitle, await AnonymousAsync(url));
        }

        Assert.Equal(before, await PublishedInitiativesAsync());
    }

    /// <summary>The cards' HTML is kept under all their values (<c>ContentCard.FragmentKey</c>): a renamed unit shows at once.</summary>
    [SkippableFact]
    public async Task Renaming_a_unit_changes_the_cards_of_the_lists_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến của đơn vị đổi tên"), BenThanh, Accounts.Administrator, publish: true);
        await WarmAsync(Lists);
        var oldName = await fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<DbContext>().Set<ChuyenDe.Modules.Organizations.Organization>().SingleAsync(o => o.Id == BenThanh)).Name);
        var newName = FreshTitle("Trường mầm non đổi tên");
        async Task RenameAsync(string name) => await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<ChuyenDe.Modules.Organizations.Organization>().SingleAsync(o => o.Id == BenThanh)).Name = name;
            return await db.SaveChangesAsync();
        });

        await RenameAsync(newName);
        try
        {
            foreach (var url in new[] { "/", "/sang-kien" })
            {
                Assert.Contains(newName, await AnonymousAsync(url));
            }
        }
        finally
        {
            await RenameAsync(oldName);
        }

        foreach (var url in new[] { "/", "/sang-kien" })
        {
            Assert.DoesNotContain(newName, await AnonymousAsync(url));
        }
    }

    [SkippableFact]
    public async Task A_list_filtered_by_a_term_follows_the_terms_of_the_published_version()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến theo tiêu chí"), BenThanh, Accounts.Administrator, publish: true);
        Task<bool> ListedUnderAsync(string term) => fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<IContentQueryService>().QueryPublishedAsync(new ContentQuery
            {
                ContentTypes = ["Initiative"], TermGroups = [[term]], PageSize = 100,
            })).Items.Any(i => i.ContentItemId == item.ContentItemId));

        Assert.True(await ListedUnderAsync("crit-2"));
        Assert.False(await ListedUnderAsync("crit-3"));

        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreateField("Initiative", "Criteria")["TermContentItemIds"] = new JsonArray("crit-3");
            return await contents.PublishAsync(draft, ContentActor.System);
        });
        Assert.False(await ListedUnderAsync("crit-2"));
        Assert.True(await ListedUnderAsync("crit-3"));
    }

    [SkippableFact]
    public async Task A_curation_and_its_withdrawal_change_the_curated_list_and_its_feed_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var title = FreshTitle("Sáng kiến điển hình trong danh sách");
        var item = await CreateInitiativeAsync(fixture, title, BenThanh, Accounts.Administrator, publish: true);
        await WarmAsync("/san-pham-dien-hinh", "/san-pham-dien-hinh/feed", "/");
        Assert.DoesNotContain(title, await AnonymousAsync("/san-pham-dien-hinh"));

        var curationId = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var record = new CurationRecord
            {
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                Kind = CurationKinds.Exemplary,
                FeaturedOrder = 1,
                CuratedByUserId = "test",
                CuratedByUserName = "test",
                CuratedUtc = DateTime.UtcNow,
            };
            db.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        Assert.Contains(title, await AnonymousAsync("/san-pham-dien-hinh"));
        Assert.Contains(title, await AnonymousAsync("/san-pham-dien-hinh/feed"));

        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<CurationRecord>().SingleAsync(r => r.Id == curationId)).WithdrawnUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(title, await AnonymousAsync("/san-pham-dien-hinh"));
        Assert.DoesNotContain(title, await AnonymousAsync("/san-pham-dien-hinh/feed"));
    }
}

public sealed class PublishedListCacheSqliteTests(UncachedSqliteSiteFixture fixture) : PublishedListCacheTests<UncachedSqliteSiteFixture>(fixture);

public sealed class PublishedListCachePostgresTests(UncachedPostgresSiteFixture fixture) : PublishedListCacheTests<UncachedPostgresSiteFixture>(fixture);
