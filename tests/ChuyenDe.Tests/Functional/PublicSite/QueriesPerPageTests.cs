using System.Collections.Concurrent;
using System.Data.Common;
using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// The database round trips a public page makes without the output cache, counted per request by a command interceptor
/// (background work — the indexer, the scheduler — has no request and is not counted). The budgets keep pages from
/// growing per-card queries: item page 0 once its item is kept (published items by route and id, curations:
/// <c>Contents/PublishedContentKeys</c>), home, lists and feeds 0 once their pages are kept (<c>Contents/PublishedLists</c>;
/// the public-site issue's goals were home ≤ 8, lists and feeds ≤ 6). Definitions,
/// settings, organisations and taxonomies are kept across requests (<c>Caching/ReferenceDataCache</c>) and the home
/// page's blocks share their curations and skip counting what they do not page.
/// </summary>
public sealed class QueriesPerPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly CommandCounter _counter = new();
    private CmsAppFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new CmsAppFactory(_database, new Dictionary<string, string?> { ["ChuyenDe:OutputCache:Enabled"] = "false" },
            services: s => s.AddSingleton<IInterceptor>(sp => _counter.With(sp.GetRequiredService<IHttpContextAccessor>())));
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private async Task<int> QueriesAsync(string url, bool warm = true)
    {
        using var client = _factory!.CreateClient(new() { AllowAutoRedirect = false });
        if (warm)
        {
            await client.GetAsync(url); // warm: definitions and settings are read once per scope or process
        }

        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounter.Header, id);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var count = _counter.Count(id);
        output.WriteLine($"{url}: {count} queries");
        foreach (var text in _counter.Texts.GetValueOrDefault(id) ?? new())
        {
            output.WriteLine("    " + text[..Math.Min(300, text.Length)]);
        }
        return count;
    }

    private async Task<string> ItemPathAsync(string type)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var item = (await scope.ServiceProvider.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = [type], PageSize = 1 })).Items.Single();
        return "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("/sitemap.xml", 3)] // the fixed pages, the items, the published results pages (ISitemapSource)
    public async Task A_page_stays_within_its_query_budget(string url, int budget)
        => Assert.InRange(await QueriesAsync(url), 1, budget);

    /// <summary>
    /// The home, the lists and the feeds read nothing once what they show is kept: the pages of the public lists and the
    /// counts per type (<c>Contents/PublishedLists</c>), the published items, the curations, the taxonomies.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/tin-tuc/goc-phu-huynh")]
    [InlineData("/tin-tuc/goc-phu-huynh/feed")]
    [InlineData("/mo-hinh-diem")]
    [InlineData("/mo-hinh-diem?theme=theme-steam&level=level-truong")]
    [InlineData("/sang-kien")]
    [InlineData("/sang-kien?page=2")]
    [InlineData("/san-pham-dien-hinh")]
    [InlineData("/su-kien")]
    [InlineData("/feed")]
    [InlineData("/sang-kien/feed")]
    [InlineData("/van-ban")]
    [InlineData("/van-ban?issuer=so-hoa-binh&kind=doc-ke-hoach&year=2023")]
    [InlineData("/van-ban/feed")]
    public async Task A_list_page_reads_nothing_once_kept(string url)
        => Assert.Equal(0, await QueriesAsync(url));

    /// <summary>
    /// The units' pages: the tree reads only the kept units (no query needed); a unit's page reads its latest items per
    /// work type (five types: initiatives, exemplary products, model sites, events, news), once for its own and once for
    /// the units below it, whatever their number — a school 5, an office or a Department 10.
    /// </summary>
    [Theory]
    [InlineData("/don-vi", 1)]
    [InlineData("/don-vi?q=ben+thanh", 1)]
    [InlineData("/don-vi/truong-mn-ben-thanh", 5)]
    [InlineData("/don-vi/phong-quan-1", 10)]
    [InlineData("/don-vi/so-hcm", 10)]
    public async Task A_unit_page_stays_within_its_query_budget(string url, int budget)
        => Assert.InRange(await QueriesAsync(url), 0, budget);

    [Theory]
    [InlineData("Initiative")]
    [InlineData("ModelSite")]
    [InlineData("Article")]
    [InlineData("OfficialDocument")]
    public async Task An_item_page_stays_within_its_query_budget(string type)
        => Assert.Equal(0, await QueriesAsync(await ItemPathAsync(type))); // its route, item, picked items and badges are kept

    [Fact]
    public async Task An_address_nobody_published_reads_nothing_once_kept()
    {
        // The missing route is kept like a route (Contents/ContentQueryService); the error page reads nothing either.
        const string url = "/khong-co-trang-nay";
        using var client = _factory!.CreateClient(new() { AllowAutoRedirect = false });
        using (var first = await client.GetAsync(url))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, first.StatusCode);
        }

        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounter.Header, id);
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _counter.Count(id));
    }

    [Fact]
    public async Task The_home_page_with_curations_of_both_kinds_stays_within_its_budget()
    {
        // Featured and cross-type curations of both kinds: the blocks and counts read them together, not per block.
        string title;
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<IContentQueryService>();
            var initiative = (await queries.QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], PageSize = 1 })).Items.Single();
            var article = (await queries.QueryAsync(new ContentQuery { ContentTypes = ["Article"], PageSize = 1 })).Items.Single();
            title = initiative.DisplayText;
            var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
            db.AddRange(
                Curation(initiative, CurationKinds.Exemplary, featured: 1),
                Curation(article, CurationKinds.ModelSite, featured: 1),
                Curation(article, CurationKinds.Exemplary, featured: null));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await QueriesAsync("/"));
        using var client = _factory.CreateClient();
        Assert.Contains(title, await client.GetStringAsync("/"));
    }

    /// <summary>The library and the search page read the index and the kept reference data and items: no round trip.</summary>
    [Theory]
    [InlineData("/kho-hoc-lieu")]
    [InlineData("/kho-hoc-lieu?q=tre&type=Initiative&sort=moi-nhat")]
    [InlineData("/tim-kiem?q=tre")]
    public async Task The_library_and_the_search_page_make_no_round_trip(string url)
        => Assert.Equal(0, await QueriesAsync(url));

    /// <summary>
    /// An editor saving drafts of a published item (several times a minute while they work) changes nothing the public
    /// sees: the item's page and the lists keep what they read (its route and taxonomy rows are left as they were but for
    /// their Latest flag; only the published version's row is read again). Publishing the draft shows it on the next
    /// request of both.
    /// </summary>
    [Fact]
    public async Task A_draft_saved_beside_a_published_item_leaves_its_page_and_the_lists_kept_until_it_is_published()
    {
        var path = await ItemPathAsync("Initiative");
        Assert.Equal(0, await QueriesAsync(path));
        Assert.Equal(0, await QueriesAsync("/sang-kien"));
        var draftTitle = "Sáng kiến đang sửa " + Guid.NewGuid().ToString("N")[..6];
        string contentItemId;
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var published = await scope.ServiceProvider.GetRequiredService<IContentQueryService>().GetPublishedByPathAsync(path);
            contentItemId = published!.ContentItemId;
            for (var i = 0; i < 2; i++)
            {
                var latest = (await contents.GetAsync(contentItemId, VersionOptions.Latest))!;
                latest.GetOrCreatePart("TitlePart")["Title"] = draftTitle;
                latest.GetOrCreatePart("ConsentPart")["Confirmed"] = true; // its photos: the parents agreed (asked to publish)
                var saved = await contents.SaveDraftAsync(latest, ContentActor.System);
                Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
            }
        }

        // Only the item's published version is read again (its row's Latest flag changed); not its route, not the lists.
        Assert.Equal(1, await QueriesAsync(path, warm: false));
        Assert.Equal(0, await QueriesAsync("/sang-kien", warm: false));
        using var client = _factory.CreateClient();
        Assert.DoesNotContain(draftTitle, await client.GetStringAsync(path));
        Assert.DoesNotContain(draftTitle, await client.GetStringAsync("/sang-kien"));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<IContentManager>().PublishLatestAsync(contentItemId, ContentActor.System);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message)));
        }

        Assert.Contains(draftTitle, await client.GetStringAsync(path));
        Assert.Contains(draftTitle, await client.GetStringAsync("/sang-kien"));
    }

    private static ChuyenDe.Modules.Editorial.CurationRecord Curation(ContentItem item, string kind, int? featured) => new()
    {
        ContentItemId = item.ContentItemId,
        ContentType = item.ContentType,
        Kind = kind,
        FeaturedOrder = featured,
        CuratedByUserId = "test",
        CuratedByUserName = "test",
        CuratedUtc = DateTime.UtcNow,
    };

    /// <summary>Counts the commands of requests carrying <see cref="Header"/>, by its value.</summary>
    private sealed class CommandCounter
    {
        public const string Header = "X-Test-Count-Queries";
        private readonly ConcurrentDictionary<string, int> _counts = new();
        private IHttpContextAccessor? _http;

        public IInterceptor With(IHttpContextAccessor http)
        {
            _http = http;
            return new Interceptor(this);
        }

        public int Count(string id) => _counts.GetValueOrDefault(id);

        public ConcurrentDictionary<string, ConcurrentQueue<string>> Texts { get; } = new();

        private void Hit(DbCommand command)
        {
            if (_http?.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } id)
            {
                _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
                Texts.GetOrAdd(id, _ => new()).Enqueue(command.CommandText.ReplaceLineEndings(" "));
            }
        }

        private sealed class Interceptor(CommandCounter counter) : DbCommandInterceptor
        {
            public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
            {
                counter.Hit(command);
                return result;
            }

            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                counter.Hit(command);
                return ValueTask.FromResult(result);
            }

            public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
            {
                counter.Hit(command);
                return result;
            }

            public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
            {
                counter.Hit(command);
                return ValueTask.FromResult(result);
            }

            public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
            {
                counter.Hit(command);
                return result;
            }

            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                counter.Hit(command);
                return ValueTask.FromResult(result);
            }
        }
    }
}
