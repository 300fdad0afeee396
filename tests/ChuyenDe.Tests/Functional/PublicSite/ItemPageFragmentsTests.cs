using System.Net;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The fragments of public pages kept across requests with the output cache switched off (<c>Caching/FragmentCache</c>):
/// an item page's display model and article (<c>Library/ItemPageModels</c>, <c>&lt;fragment-cache&gt;</c> in
/// <c>Item.cshtml</c>), the layout's header and footer. Each page is asked for twice before a change (the second answer
/// comes from the kept fragments), and the next anonymous request after the change shows it: an item it links to renamed,
/// a unit renamed, a term renamed, the site settings changed. The menu's current entry and absolute addresses stay per
/// request. Publishing, unpublishing and curating are in <see cref="PublishedContentCacheTests{TFixture}"/>.
/// </summary>
public abstract class ItemPageFragmentsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private async Task<string> AnonymousAsync(string url, string? host = null)
    {
        using var client = host is null
            ? fixture.CreateClient()
            : fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://" + host) });
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page twice: built, then answered from the kept fragments.</summary>
    private async Task<string> KeptAsync(string url)
    {
        await AnonymousAsync(url);
        return await AnonymousAsync(url);
    }

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    private Task<ContentResult> PublishChangedAsync(string contentItemId, Action<ContentItem> change)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = (await contents.GetAsync(contentItemId, VersionOptions.Latest))!;
            change(latest);
            return await contents.PublishAsync(latest, ContentActor.System);
        });

    [SkippableFact]
    public async Task The_item_page_is_kept_and_shows_a_renamed_linked_item_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var linked = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến được liên kết"), BenThanh, Accounts.Administrator, publish: true);
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến có liên kết"), BenThanh, Accounts.Administrator, publish: false);
        var linking = await PublishChangedAsync(item.ContentItemId,
            i => i.GetOrCreateField("Initiative", "RelatedItems")["ContentItemIds"] = new JsonArray(linked.ContentItemId));
        Assert.True(linking.Succeeded, string.Join("; ", linking.Errors.Select(e => e.Message)));
        var path = PathOf(linking.Item!);

        Assert.Contains(linked.DisplayText, await KeptAsync(path));
        Assert.True(fixture.Factory.Services.GetRequiredService<FragmentCache>().Count > 0);

        var newTitle = FreshTitle("Sáng kiến liên kết đã đổi tên");
        var renamed = await PublishChangedAsync(linked.ContentItemId, i => i.GetOrCreatePart("TitlePart")["Title"] = newTitle);
        Assert.True(renamed.Succeeded, string.Join("; ", renamed.Errors.Select(e => e.Message)));

        var page = await AnonymousAsync(path);
        Assert.Contains(newTitle, page);
        Assert.DoesNotContain(linked.DisplayText, page);
    }

    [SkippableFact]
    public async Task A_renamed_unit_is_seen_on_the_kept_item_page_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến của đơn vị đổi tên"), CuuLong, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        var oldName = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IOrganizationService>().GetAsync(CuuLong)))!.Name;
        Assert.Contains(oldName, await KeptAsync(path));

        var newName = "Trường Mầm non đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await RenameUnitAsync(CuuLong, newName);
        try
        {
            var page = await AnonymousAsync(path);
            Assert.Contains(newName, page);
            Assert.DoesNotContain(oldName, page);
        }
        finally
        {
            await RenameUnitAsync(CuuLong, oldName);
        }

        Assert.Contains(oldName, await AnonymousAsync(path));
    }

    [SkippableFact]
    public async Task A_renamed_term_is_seen_on_the_kept_item_page_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến có tiêu chí đổi tên"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        var oldTitle = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<ITaxonomyService>().FindTermAsync("crit-2")))!.Title;
        Assert.Contains(oldTitle, await KeptAsync(path));

        var newTitle = "Tiêu chí đổi tên " + Guid.NewGuid().ToString("N")[..6];
        await RenameTermAsync("crit-2", newTitle);
        try
        {
            var page = await AnonymousAsync(path);
            Assert.Contains(newTitle, page);
            Assert.DoesNotContain(oldTitle, page);
        }
        finally
        {
            await RenameTermAsync("crit-2", oldTitle);
        }
    }

    [SkippableFact]
    public async Task Changed_site_settings_are_seen_in_the_kept_header_footer_and_item_page_by_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến dưới cài đặt mới"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        var before = await fixture.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync());
        await KeptAsync(path);
        await KeptAsync("/kho-hoc-lieu");

        var shortName = "Kho mầm non " + Guid.NewGuid().ToString("N")[..6];
        var description = "Mô tả của trang " + Guid.NewGuid().ToString("N")[..6];
        await fixture.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsService>().MergeAsync(
            new JsonObject { ["SiteShortName"] = shortName, ["Description"] = description }));
        try
        {
            foreach (var url in new[] { path, "/kho-hoc-lieu" })
            {
                var page = await AnonymousAsync(url);
                Assert.Contains($"<span class=\"brand-name\">{shortName}</span>", page); // the header
                Assert.Contains($"<p>{description}</p>", page); // the footer
            }
        }
        finally
        {
            await fixture.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsService>().MergeAsync(
                new JsonObject { ["SiteShortName"] = before.SiteShortName, ["Description"] = before.Description }));
        }
    }

    [SkippableFact]
    public async Task The_kept_main_menu_marks_the_current_page_of_each_request()
    {
        fixture.SkipUnlessAvailable();
        var library = await KeptAsync("/kho-hoc-lieu");
        Assert.Contains("href=\"/kho-hoc-lieu\" aria-current=\"page\"", library);
        Assert.Contains("href=\"/\" aria-current=\"false\"", library);

        var news = await KeptAsync("/tin-tuc");
        Assert.Contains("href=\"/tin-tuc\" aria-current=\"page\"", news);
        Assert.Contains("href=\"/kho-hoc-lieu\" aria-current=\"false\"", news);

        var home = await KeptAsync("/");
        Assert.Contains("href=\"/\" aria-current=\"page\"", home);
        Assert.Contains("href=\"/tin-tuc\" aria-current=\"false\"", home);
    }

    [SkippableFact]
    public async Task The_kept_item_page_writes_absolute_addresses_of_the_requested_host()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến hai địa chỉ"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        await AnonymousAsync(path, "mot.example");
        var first = await AnonymousAsync(path, "mot.example");
        var second = await AnonymousAsync(path, "hai.example");

        Assert.Contains($"<link rel=\"canonical\" href=\"http://mot.example{path}\">", first);
        Assert.Contains($"<span class=\"share-url\">http://mot.example{path}</span>", first);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://hai.example{path}\">", second);
        Assert.Contains($"<span class=\"share-url\">http://hai.example{path}</span>", second);
        Assert.DoesNotContain("mot.example", second);
    }

    private Task<int> RenameUnitAsync(string id, string name)
        => fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<Organization>().SingleAsync(o => o.Id == id)).Name = name;
            return await db.SaveChangesAsync();
        });

    private async Task RenameTermAsync(string termId, string title)
    {
        var result = await fixture.WithServicesAsync(async sp =>
        {
            var term = (await sp.GetRequiredService<ITaxonomyService>().FindTermAsync(termId))!;
            var manager = sp.GetRequiredService<IContentManager>();
            var taxonomy = (await manager.GetAsync(term.TaxonomyContentItemId, VersionOptions.Latest))!;
            var node = Find(taxonomy.Part(ContentKinds.TaxonomyPart)!["Terms"] as JsonArray, termId)!;
            node[ContentKinds.TitlePart] = new JsonObject { ["Title"] = title };
            node["DisplayText"] = title;
            return await manager.PublishAsync(taxonomy, ContentActor.System);
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
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

public sealed class ItemPageFragmentsSqliteTests(UncachedSqliteSiteFixture fixture) : ItemPageFragmentsTests<UncachedSqliteSiteFixture>(fixture);

public sealed class ItemPageFragmentsPostgresTests(UncachedPostgresSiteFixture fixture) : ItemPageFragmentsTests<UncachedPostgresSiteFixture>(fixture);
