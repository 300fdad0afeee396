using System.Diagnostics;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Search;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using ChuyenDe.Tests.Unit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChuyenDe.Tests.Functional.Search;

/// <summary>
/// The indexing pipeline on the real site (SQLite): content changes write indexing tasks in their transaction, this
/// node's background indexer applies them within 2 seconds, and another node's index (another folder) catches up
/// from the same task table, also after a crash between writing and committing.
/// </summary>
public sealed class SearchPipelineTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private Task<SearchResults> SearchAsync(string query, bool latest = false, int pageSize = 12)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<ISearchService>().SearchAsync(
            new SearchRequest { Query = query, LatestVersions = latest, PageSize = pageSize }));

    private async Task<SearchResults> WaitForAsync(string query, Func<SearchResults, bool> condition, bool latest = false, int pageSize = 12)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var results = await SearchAsync(query, latest, pageSize);
            if (condition(results) || watch.Elapsed > Patience)
            {
                return results;
            }

            await Task.Delay(50);
        }
    }

    private static List<string> Ids(SearchResults results) => results.Hits.Select(h => h.ContentItemId).ToList();

    /// <summary>A made-up word no sample item contains, with tone marks.</summary>
    private static string UniqueWord() => "từkhóa" + Guid.NewGuid().ToString("N")[..8];

    private Task<string> PublishInitiativeAsync(string title, string body)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await Items.NewInitiativeAsync(contents, title);
            item.GetOrCreatePart("OrganizationPart")["OrganizationId"] = "truong-mn-ben-thanh";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = body;
            // The administrator publishes directly (a school's item would otherwise go through review).
            var result = await contents.PublishAsync(item, await AdministratorAsync(sp));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return item.ContentItemId;
        });

    private static async Task<ContentActor> AdministratorAsync(IServiceProvider sp)
    {
        var user = await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(Accounts.Administrator);
        return new ContentActor(user!.Id, user.UserName!);
    }

    private SearchIndexer SecondNode(string folder) => new(
        fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(), folder,
        new SearchOptions { CommitInterval = TimeSpan.Zero }, NullLogger.Instance, TimeProvider.System);

    [Fact]
    public async Task The_sample_content_is_searchable_after_the_first_start()
    {
        var results = await WaitForAsync("mam non lay tre lam trung tam", r => r.Total > 0, pageSize: 50);
        var ids = Ids(results);
        Assert.Contains("initiative-ke-hoach-tuan-tu-cau-hoi-cua-tre", ids);
        Assert.Contains("article-dam-ha-tong-ket-chuyen-de", ids);
        Assert.Contains("modelsite-vo-thi-sau", ids);
        Assert.DoesNotContain("initiative-choi-voi-cat-va-nuoc", ids);

        var damHa = Ids(await SearchAsync("Dam Ha", pageSize: 50));
        Assert.Contains("initiative-vuon-rau-san-truong", damHa);
        Assert.Contains("initiative-so-lien-lac-dien-tu-nha-tre", damHa);
        Assert.Contains("modelsite-dam-ha", damHa);
        Assert.DoesNotContain("initiative-doi-moi-gio-an", damHa);

        // Drafts of the sample content are not in the public index, only in the admin's.
        Assert.DoesNotContain("initiative-ban-nhap-goc-thien-nhien", Ids(await SearchAsync("Bản nháp góc thiên nhiên")));
        Assert.Contains("initiative-ban-nhap-goc-thien-nhien", Ids(await SearchAsync("Bản nháp góc thiên nhiên", latest: true)));
    }

    [Fact]
    public async Task A_published_item_is_found_without_a_rebuild_and_unpublished_is_gone()
    {
        // How soon (the 2-second goal) is a speed goal, not asserted here by a clock: on a loaded 2-core machine the
        // wall time says more about the machine than about the indexer. The test waits up to its patience.
        await WaitForAsync("mam non", r => r.Total > 0); // the first build is done
        var word = UniqueWord();
        var id = await PublishInitiativeAsync($"Sáng kiến {word}", "Trẻ tự chọn góc chơi.");
        var found = await WaitForAsync(word, r => r.Total == 1);
        Assert.Equal([id], Ids(found));
        Assert.Equal([id], Ids(await SearchAsync(VietnameseAnalyzer.Fold(word))));

        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id, ContentActor.System));
        Assert.Equal(0, (await WaitForAsync(word, r => r.Total == 0)).Total);
        // Admin search still has the latest version.
        Assert.Equal([id], Ids(await WaitForAsync(word, r => r.Total == 1, latest: true)));
    }

    [Fact]
    public async Task A_draft_never_reaches_the_public_index_or_its_snippets()
    {
        await WaitForAsync("mam non", r => r.Total > 0);
        var publishedWord = UniqueWord();
        var draftWord = UniqueWord();
        var id = await PublishInitiativeAsync($"Sáng kiến {publishedWord}", $"Nội dung đã đăng {publishedWord}.");
        await WaitForAsync(publishedWord, r => r.Total == 1);

        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(id, VersionOptions.Latest))!;
            draft.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"Nội dung đã đăng {publishedWord}. Bản nháp bí mật {draftWord}.";
            var result = await contents.SaveDraftAsync(draft, ContentActor.System);
            Assert.True(result.Succeeded);
            return result;
        });

        var admin = await WaitForAsync(draftWord, r => r.Total == 1, latest: true);
        Assert.Equal([id], Ids(admin));
        Assert.Contains("<mark>", admin.Hits[0].SnippetHtml);
        Assert.Equal(0, (await SearchAsync(draftWord)).Total);
        var publicHit = (await SearchAsync(publishedWord)).Hits.Single();
        Assert.DoesNotContain(draftWord, publicHit.SnippetHtml ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bí mật", publicHit.SnippetHtml ?? "");

        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().DiscardDraftAsync(id, ContentActor.System));
        Assert.Equal(0, (await WaitForAsync(draftWord, r => r.Total == 0, latest: true)).Total);
    }

    [Fact]
    public async Task A_deletion_reaches_a_second_node_from_the_task_table()
    {
        await WaitForAsync("mam non", r => r.Total > 0);
        var word = UniqueWord();
        var id = await PublishInitiativeAsync($"Sáng kiến {word}", "Trẻ chơi với cát và nước.");
        var folder = Directory.CreateTempSubdirectory("chuyende-node2-").FullName;
        try
        {
            using var second = SecondNode(folder);
            await second.CatchUpAsync(); // first start of the node: builds its index from the content tables
            Assert.Equal(1, second.Public.Search(new SearchRequest { Query = word }).Total);

            await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().RemoveAsync(id, ContentActor.System));
            Assert.Equal(0, (await WaitForAsync(word, r => r.Total == 0)).Total);

            Assert.True(await second.CatchUpAsync() >= 1);
            Assert.Equal(0, second.Public.Search(new SearchRequest { Query = word }).Total);
            Assert.Equal(0, second.Latest.Search(new SearchRequest { Query = word, LatestVersions = true }).Total);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_crash_between_writing_and_committing_is_caught_up_on_restart_without_duplicates()
    {
        await WaitForAsync("mam non", r => r.Total > 0);
        var folder = Directory.CreateTempSubdirectory("chuyende-node2-").FullName;
        try
        {
            var node = SecondNode(folder);
            await node.CatchUpAsync();
            var cursorBefore = node.Public.Cursor;

            var word = UniqueWord();
            var id = await PublishInitiativeAsync($"Sáng kiến {word}", "Trẻ kể chuyện theo tranh.");
            Assert.True(await node.CatchUpAsync(commit: false, CancellationToken.None) >= 1);
            Assert.Equal(1, node.Public.Search(new SearchRequest { Query = word }).Total); // written, not committed
            node.SimulateCrash();
            node.Dispose();

            using var restarted = SecondNode(folder);
            Assert.Equal(cursorBefore, restarted.Public.Cursor);
            Assert.Equal(0, restarted.Public.Search(new SearchRequest { Query = word }).Total);

            await restarted.CatchUpAsync();
            Assert.Equal([id], restarted.Public.Search(new SearchRequest { Query = word }).Hits.Select(h => h.ContentItemId).ToList());
            Assert.True(restarted.Public.Cursor > cursorBefore);

            // Applying the same tasks again (the late-task window re-reads them after a restart) duplicates nothing:
            // the node holds exactly the published items this node's own index holds.
            await restarted.CatchUpAsync();
            var primary = fixture.Factory.Services.GetRequiredService<SearchIndexer>();
            await primary.CatchUpAsync();
            Assert.Equal(primary.Public.DocumentCount, restarted.Public.DocumentCount);
            Assert.Equal(primary.Latest.DocumentCount, restarted.Latest.DocumentCount);
            var everything = restarted.Public.Search(new SearchRequest { PageSize = 100 });
            Assert.Equal(everything.Total, everything.Hits.Select(h => h.ContentItemId).Distinct().Count());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Other_modules_can_queue_an_item_and_an_administrator_may_rebuild()
    {
        await WaitForAsync("mam non", r => r.Total > 0);
        var before = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
            var count = db.Set<SearchIndexingTaskRecord>().Count();
            await sp.GetRequiredService<ISearchIndexQueue>().EnqueueAsync("initiative-doi-moi-gio-an");
            return count;
        });
        var after = await fixture.WithServicesAsync(sp =>
            Task.FromResult(sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>().Set<SearchIndexingTaskRecord>().Count()));
        Assert.Equal(before + 1, after);

        await fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ISearchIndexMaintenance>().RebuildAsync();
            return 0;
        });
        Assert.Contains("initiative-doi-moi-gio-an", Ids(await SearchAsync("doi moi gio an")));
        var permissions = fixture.Factory.Services.GetServices<ChuyenDe.Modules.Security.IPermissionProvider>()
            .SelectMany(p => p.GetPermissions()).Select(p => p.Name);
        Assert.Contains(SearchPermissions.RebuildSearchIndex, permissions);
    }
}
