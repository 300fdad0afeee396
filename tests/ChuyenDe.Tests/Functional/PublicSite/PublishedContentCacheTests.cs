using System.Net;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The published items and active curations kept across requests for the public pages (<c>Contents/PublishedContentKeys</c>,
/// <c>Editorial/CurationQuery</c> in the <c>ReferenceDataCache</c>), with the output cache switched off: every change is
/// seen by the next anonymous request, and an item page reads nothing from the database once its item is kept.
/// </summary>
public abstract class PublishedContentCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private async Task<(HttpStatusCode Status, string Body)> AnonymousAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    [SkippableFact]
    public async Task A_new_version_unpublishing_and_publishing_again_are_seen_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến giữ trong bộ nhớ"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousAsync(path)).Status);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousAsync(path)).Status); // kept

        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Phiên bản mới đã công bố.";
            return await contents.SaveDraftAsync(draft, ContentActor.System);
        });
        Assert.DoesNotContain("Phiên bản mới đã công bố.", (await AnonymousAsync(path)).Body); // a draft shows nowhere

        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().PublishLatestAsync(item.ContentItemId, ContentActor.System));
        Assert.Contains("Phiên bản mới đã công bố.", (await AnonymousAsync(path)).Body);

        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(item.ContentItemId, ContentActor.System)));
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousAsync(path)).Status);
        Assert.Empty(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().GetPublishedAsync([item.ContentItemId])));

        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().PublishLatestAsync(item.ContentItemId, ContentActor.System));
        Assert.Equal(HttpStatusCode.OK, (await AnonymousAsync(path)).Status);
        Assert.Single(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>().GetPublishedAsync([item.ContentItemId])));
    }

    [SkippableFact]
    public async Task A_moved_item_answers_at_its_new_address_and_not_at_the_old_one()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến đổi địa chỉ"), BenThanh, Accounts.Administrator, publish: true);
        var oldPath = PathOf(item);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousAsync(oldPath)).Status);
        var newPath = oldPath + "-moi";

        await MoveAsync(item.ContentItemId, newPath);

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousAsync(oldPath)).Status);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousAsync(newPath)).Status);
    }

    /// <summary>Publishes a new version of the item at <paramref name="newPath"/>.</summary>
    private async Task MoveAsync(string contentItemId, string newPath)
    {
        var moved = await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = (await contents.GetAsync(contentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("AutoroutePart")["Path"] = newPath.TrimStart('/');
            return await contents.PublishAsync(latest, ContentActor.System);
        });
        Assert.True(moved.Succeeded, string.Join("; ", moved.Errors.Select(e => e.Message)));
    }

    [SkippableFact]
    public async Task An_address_answered_404_answers_the_item_moved_to_it_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến đến địa chỉ trống"), BenThanh, Accounts.Administrator, publish: true);
        var newPath = PathOf(item) + "-den";
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousAsync(newPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousAsync(newPath)).Status); // kept as "no route"

        await MoveAsync(item.ContentItemId, newPath);

        Assert.Equal(HttpStatusCode.OK, (await AnonymousAsync(newPath)).Status);
    }

    [SkippableFact]
    public async Task A_curation_and_its_withdrawal_change_the_item_page_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến được công nhận"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        var citation = "Quyết định công nhận " + Guid.NewGuid().ToString("N")[..8];
        Assert.DoesNotContain(citation, (await AnonymousAsync(path)).Body);

        var curationId = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var record = new CurationRecord
            {
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                Kind = CurationKinds.Exemplary,
                Citation = citation,
                CuratedByUserId = "test",
                CuratedByUserName = "test",
                CuratedUtc = DateTime.UtcNow,
            };
            db.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        Assert.Contains(citation, (await AnonymousAsync(path)).Body);

        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<CurationRecord>().SingleAsync(r => r.Id == curationId)).WithdrawnUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(citation, (await AnonymousAsync(path)).Body);
    }
}

public sealed class PublishedContentCacheSqliteTests(UncachedSqliteSiteFixture fixture) : PublishedContentCacheTests<UncachedSqliteSiteFixture>(fixture);

public sealed class PublishedContentCachePostgresTests(UncachedPostgresSiteFixture fixture) : PublishedContentCacheTests<UncachedPostgresSiteFixture>(fixture);
