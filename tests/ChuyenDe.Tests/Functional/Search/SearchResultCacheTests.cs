using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Search;

/// <summary>
/// The search results kept per index reader (<c>Search/SearchResultCache</c>) with the output cache switched off: the
/// same searches of <c>/tim-kiem</c> and <c>/kho-hoc-lieu</c> asked before and after a change show the change as soon
/// as the index has it (publish, new version, unpublish), and the names the pages show beside the results (units,
/// terms) are not kept with them.
/// </summary>
public abstract class SearchResultCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly HtmlParser Parser = new();

    private async Task<IHtmlDocument> AnonymousAsync(string url)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks twice, so that the second answer comes from the kept results when there are any.</summary>
    private async Task<IHtmlDocument> TwiceAsync(string url)
    {
        await AnonymousAsync(url);
        return await AnonymousAsync(url);
    }

    private Task CatchUpAsync() => SearchPageTests<TFixture>.CatchUpAsync(fixture);

    private static List<string> Titles(IHtmlDocument page, string selector)
        => page.QuerySelectorAll(selector).Select(t => t.TextContent.Trim()).ToList();

    [SkippableFact]
    public async Task A_publish_a_new_version_and_an_unpublish_are_seen_by_the_next_search_and_library_page()
    {
        fixture.SkipUnlessAvailable();
        var word = "khoatim" + Guid.NewGuid().ToString("N")[..6];
        var search = "/tim-kiem?q=" + word;
        await CatchUpAsync();
        Assert.Empty(Titles(await TwiceAsync(search), ".hit-title"));
        var libraryBefore = Titles(await TwiceAsync("/kho-hoc-lieu"), ".card-title");

        var title = "Sáng kiến " + word + " giờ ăn";
        var item = await CreateInitiativeAsync(fixture, title, BenThanh, Accounts.Administrator, publish: true);
        await CatchUpAsync();
        Assert.Equal(new[] { title }, Titles(await TwiceAsync(search), ".hit-title"));
        var library = Titles(await TwiceAsync("/kho-hoc-lieu"), ".card-title");
        Assert.Equal(title, library.First()); // the newest first
        Assert.NotEqual(libraryBefore, library);

        var newTitle = "Sáng kiến " + word + " giờ ngủ";
        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var latest = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            latest.GetOrCreatePart("TitlePart")["Title"] = newTitle;
            var published = await contents.PublishAsync(latest, ContentActor.System);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
            return 0;
        });
        await CatchUpAsync();
        Assert.Equal(new[] { newTitle }, Titles(await TwiceAsync(search), ".hit-title"));
        Assert.Equal(new[] { newTitle }, Titles(await TwiceAsync("/kho-hoc-lieu?q=" + word), ".card-title"));
        Assert.Equal(newTitle, Titles(await TwiceAsync("/kho-hoc-lieu"), ".card-title").First());

        Assert.True(await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(item.ContentItemId, ContentActor.System)));
        await CatchUpAsync();
        Assert.Empty(Titles(await TwiceAsync(search), ".hit-title"));
        Assert.DoesNotContain(newTitle, Titles(await TwiceAsync("/kho-hoc-lieu"), ".card-title"));
        Assert.Equal(libraryBefore, Titles(await TwiceAsync("/kho-hoc-lieu"), ".card-title"));
    }

    [SkippableFact]
    public async Task A_draft_saved_leaves_the_public_index_and_its_kept_results_alone_until_it_is_published()
    {
        fixture.SkipUnlessAvailable();
        var word = "khoanhap" + Guid.NewGuid().ToString("N")[..6];
        var title = "Sáng kiến " + word + " giờ ăn";
        var item = await CreateInitiativeAsync(fixture, title, BenThanh, Accounts.Administrator, publish: true);
        await CatchUpAsync();
        var search = "/tim-kiem?q=" + word;
        Assert.Equal(new[] { title }, Titles(await TwiceAsync(search), ".hit-title"));
        long PublicReader(IServiceProvider sp) => sp.GetRequiredService<ChuyenDe.Modules.Search.SearchIndexer>().Public.ReaderVersion;
        var before = await fixture.WithServicesAsync(async sp =>
        {
            // What is pending is committed first (a commit opens a new reader too).
            await sp.GetRequiredService<ChuyenDe.Modules.Search.SearchIndexer>().FlushAsync();
            return PublicReader(sp);
        });

        // Drafts saved (several times, as an editor at work does): the admin's index has them, the public one is untouched.
        var draftWord = "banthao" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            await fixture.WithServicesAsync(async sp =>
            {
                var contents = sp.GetRequiredService<IContentManager>();
                var latest = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
                latest.GetOrCreatePart("TitlePart")["Title"] = $"{title} {draftWord} {i}";
                var saved = await contents.SaveDraftAsync(latest, ContentActor.System);
                Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
                return 0;
            });
            await CatchUpAsync();
        }

        await fixture.WithServicesAsync(sp =>
        {
            var indexer = sp.GetRequiredService<ChuyenDe.Modules.Search.SearchIndexer>();
            Assert.Equal(before, indexer.Public.ReaderVersion);
            Assert.Equal(1, indexer.Latest.Search(new ChuyenDe.Modules.Search.SearchRequest { Query = draftWord }).Total);
            return Task.FromResult(0);
        });
        Assert.Equal(new[] { title }, Titles(await TwiceAsync(search), ".hit-title"));
        Assert.Empty(Titles(await TwiceAsync("/tim-kiem?q=" + draftWord), ".hit-title"));

        // Published: the public index opens a new reader and the search shows the new title.
        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var published = await contents.PublishAsync((await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!, ContentActor.System);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
            return 0;
        });
        await CatchUpAsync();
        Assert.NotEqual(before, await fixture.WithServicesAsync(sp => Task.FromResult(PublicReader(sp))));
        Assert.Equal(new[] { $"{title} {draftWord} 2" }, Titles(await TwiceAsync("/tim-kiem?q=" + draftWord), ".hit-title"));
    }

    [SkippableFact]
    public async Task A_unit_renamed_shows_its_new_name_beside_the_same_kept_results()
    {
        fixture.SkipUnlessAvailable();
        var word = "khoadonvi" + Guid.NewGuid().ToString("N")[..6];
        var title = "Sáng kiến " + word;
        await CreateInitiativeAsync(fixture, title, CuuLong, Accounts.Administrator, publish: true);
        await CatchUpAsync();
        var search = "/tim-kiem?q=" + word;
        var before = (await TwiceAsync(search)).QuerySelector(".hit-org")!.TextContent.Trim();

        var renamed = before + " " + word;
        async Task RenameAsync(string name) => await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            (await db.Set<Organization>().SingleAsync(o => o.Id == CuuLong)).Name = name;
            return await db.SaveChangesAsync();
        });

        await RenameAsync(renamed);
        try
        {
            Assert.Equal(renamed, (await AnonymousAsync(search)).QuerySelector(".hit-org")!.TextContent.Trim());
        }
        finally
        {
            await RenameAsync(before);
        }

        Assert.Equal(before, (await AnonymousAsync(search)).QuerySelector(".hit-org")!.TextContent.Trim());
    }
}

public sealed class SearchResultCacheSqliteTests(UncachedSqliteSiteFixture fixture) : SearchResultCacheTests<UncachedSqliteSiteFixture>(fixture);

public sealed class SearchResultCachePostgresTests(UncachedPostgresSiteFixture fixture) : SearchResultCacheTests<UncachedPostgresSiteFixture>(fixture);
