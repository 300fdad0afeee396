using System.Net;
using ChuyenDe.Modules.Analytics;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Functional.Media;
using ChuyenDe.Tests.Unit.Media.Uploads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Analytics;

/// <summary>
/// Views of public item pages and downloads of their files, counted privately per item and day over real HTTP: a client
/// once per item and day, robots, HEAD and prefetches skipped, counted also when the page comes from either level of the
/// page cache, nothing about the client stored; the flush adds to the day's row on both databases.
/// </summary>
public abstract class ViewCountingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    /// <summary>A browser of its own: an address and a User-Agent unique to the test.</summary>
    private HttpClient Visitor(string address, string? userAgent)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add(CmsAppFactory.ClientAddressHeader, address);
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return client;
    }

    private static string UniqueAgent() => Firefox + " ChuyenDeTest/" + Guid.NewGuid().ToString("N")[..10];

    private static string UniqueAddress() => $"198.51.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";

    private async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, HttpMethod? method = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        Assert.False(response.Headers.Contains(PageCache.ItemPageHeader), "the item-page mark left the site");
        return response;
    }

    private Task<int> FlushAsync() => fixture.Factory.Services.GetRequiredService<ViewCountFlusher>().FlushAsync();

    private async Task<ContentDailyCount?> RowAsync(string contentItemId)
    {
        await FlushAsync();
        return await fixture.WithServicesAsync(async sp =>
        {
            var today = sp.GetRequiredService<ViewCounter>().Today;
            return await sp.GetRequiredService<DbContext>().Set<ContentDailyCount>().AsNoTracking()
                .SingleOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Day == today);
        });
    }

    [SkippableFact]
    public async Task A_client_is_counted_once_per_item_and_day_and_robots_HEAD_and_prefetches_are_not()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến đếm lượt xem"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        var (firstAddress, firstAgent) = (UniqueAddress(), UniqueAgent());
        using var first = Visitor(firstAddress, firstAgent);
        using var second = Visitor(UniqueAddress(), UniqueAgent());

        // The same client twice (the second answer from the front cache): one view.
        using (var rendered = await GetAsync(first, path))
        {
            Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        }

        using (var cached = await GetAsync(first, path))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.NotNull(cached.Headers.Age);
        }

        Assert.Equal(1, (await RowAsync(item.ContentItemId))!.Views);

        // Another client, answered from the cache: two.
        using (var cached = await GetAsync(second, path))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        // Robots and tools, a HEAD, prefetches: not counted (and they get their answers).
        foreach (var robot in new[] { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.5.0", "facebookexternalhit/1.1", "python-requests/2.32.3" })
        {
            using var client = Visitor(UniqueAddress(), robot);
            using var answer = await GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var third = Visitor(UniqueAddress(), UniqueAgent());
        using (var head = await GetAsync(third, path, HttpMethod.Head))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        using (var prefetch = await GetAsync(third, path, configure: r => r.Headers.Add("Sec-Purpose", "prefetch;prerender")))
        {
            Assert.Equal(HttpStatusCode.OK, prefetch.StatusCode);
        }

        using (var prefetch = await GetAsync(third, path, configure: r => r.Headers.Add("Purpose", "prefetch")))
        {
            Assert.Equal(HttpStatusCode.OK, prefetch.StatusCode);
        }

        var row = await RowAsync(item.ContentItemId);
        Assert.Equal(2, row!.Views);
        Assert.Equal(0, row.Downloads);
        Assert.Equal(BenThanh, row.OrganizationId);

        // The client that only asked HEAD and prefetched visits now: three. Its conditional request later the same day: still three.
        string? entityTag;
        using (var visit = await GetAsync(third, path))
        {
            entityTag = visit.Headers.ETag?.ToString();
        }

        using (var again = await GetAsync(third, path, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", entityTag)))
        {
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        Assert.Equal(3, (await RowAsync(item.ContentItemId))!.Views);

        // Pages that are not an item's page count nothing.
        using (await GetAsync(first, "/sang-kien"))
        using (await GetAsync(first, "/khong-co-trang-nay-" + Guid.NewGuid().ToString("N")[..6]))
        {
        }

        await FlushAsync();
        Assert.Equal(3, (await RowAsync(item.ContentItemId))!.Views);
    }

    [SkippableFact]
    public async Task A_view_is_counted_when_the_page_comes_from_the_output_cache_and_for_signed_in_readers()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến bộ nhớ đệm thứ hai"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        using var first = Visitor(UniqueAddress(), UniqueAgent());
        using var second = Visitor(UniqueAddress(), UniqueAgent());
        using (var rendered = await GetAsync(first, path))
        {
            Assert.Null(rendered.Headers.Age);
        }

        // This node's front copy is dropped; the output cache (the store several nodes may share) still holds the page.
        fixture.Factory.Services.GetRequiredService<FrontPageCache>().Evict(CacheTags.Item(item.ContentItemId));
        using (var fromOutputCache = await GetAsync(second, path))
        {
            Assert.Equal(HttpStatusCode.OK, fromOutputCache.StatusCode);
            Assert.NotNull(fromOutputCache.Headers.Age);
        }

        Assert.Equal(2, (await RowAsync(item.ContentItemId))!.Views);

        // A signed-in reader is never answered from the cache and counts too.
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", UniqueAgent());
        using (var signedIn = await curator.Http.SendAsync(request))
        {
            Assert.Null(signedIn.Headers.Age);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.False(signedIn.Headers.Contains(PageCache.ItemPageHeader));
        }

        Assert.Equal(3, (await RowAsync(item.ContentItemId))!.Views);
    }

    [SkippableFact]
    public async Task Downloads_of_an_items_documents_are_counted_for_the_item_once_per_client_and_file()
    {
        fixture.SkipUnlessAvailable();
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        var pdf = (await MediaUploadTests.UploadAsync(admin, BenThanh, ("Kế hoạch tháng.pdf", SampleFiles.Pdf("Ke hoach thang"))))[0].Path!;
        var docx = (await MediaUploadTests.UploadAsync(admin, BenThanh, ("Biên bản họp.docx", SampleFiles.Docx(["Biên bản"]))))[0].Path!;
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến đếm lượt tải"), BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetAttachments(i, pdf, docx), publish: true);
        using var first = Visitor(UniqueAddress(), UniqueAgent());
        using var second = Visitor(UniqueAddress(), UniqueAgent());
        using var robot = Visitor(UniqueAddress(), "Wget/1.21.4");

        foreach (var (client, file) in new[] { (first, pdf), (first, pdf), (first, docx), (second, pdf), (robot, pdf) })
        {
            using var download = await GetAsync(client, MediaTestSupport.Url(file));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        using (await GetAsync(second, MediaTestSupport.Url(docx), HttpMethod.Head))
        {
        }

        var row = await RowAsync(item.ContentItemId);
        Assert.Equal(3, row!.Downloads);
        Assert.Equal(0, row.Views);
    }

    [SkippableFact]
    public async Task Nothing_about_the_client_is_stored_only_the_numbers_of_the_day()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến riêng tư"), BenThanh, Accounts.Administrator, publish: true);
        var marker = "RiengTu" + Guid.NewGuid().ToString("N")[..12];
        var agent = Firefox + " " + marker;
        const string address = "192.0.2.123";
        using var visitor = Visitor(address, agent);
        using (var visit = await GetAsync(visitor, PathOf(item)))
        {
            Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        }

        var row = await RowAsync(item.ContentItemId);
        Assert.Equal(1, row!.Views);

        // The table holds the day, the item, its unit and two numbers: nothing else.
        var columns = await fixture.WithServicesAsync(sp => Task.FromResult(
            sp.GetRequiredService<DbContext>().Model.FindEntityType(typeof(ContentDailyCount))!.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal).ToList()));
        Assert.Equal(["ContentItemId", "Day", "Downloads", "OrganizationId", "Views"], columns);
        var values = new[] { row.ContentItemId, row.OrganizationId ?? "" };
        Assert.DoesNotContain(values, v => v.Contains(marker, StringComparison.Ordinal) || v.Contains(address, StringComparison.Ordinal));

        if (fixture.Factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            // The whole database file (and its write-ahead log): neither the User-Agent nor the address anywhere.
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(fixture.Factory.Database.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
            {
                var text = System.Text.Encoding.Latin1.GetString(await ReadSharedAsync(path));
                Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
                Assert.DoesNotContain(address, text, StringComparison.Ordinal);
            }
        }
        else
        {
            // Every text column of every table of the PostgreSQL database.
            var found = await fixture.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<DbContext>();
                var columnsOfText = await db.Database.SqlQueryRaw<TextColumn>(
                    "SELECT table_name AS \"Table\", column_name AS \"Column\" FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')").ToListAsync();
                var hits = new List<string>();
                foreach (var c in columnsOfText)
                {
                    // Names read from the catalogue, quoted; the values are parameters.
                    var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + c.Table + "\" WHERE \"" + c.Column + "\"::text LIKE '%' || {0} || '%' OR \""
                              + c.Column + "\"::text LIKE '%' || {1} || '%'";
                    var count = await db.Database.SqlQueryRaw<long>(sql, marker, address).SingleAsync();
                    if (count > 0)
                    {
                        hits.Add($"{c.Table}.{c.Column}");
                    }
                }

                return hits;
            });
            Assert.Empty(found);
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [SkippableFact]
    public async Task Two_flushes_of_the_same_item_and_day_add_up_in_one_row()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến hai lần ghi"), BenThanh, Accounts.Administrator, publish: true);
        var day = new DateOnly(2020, 1, 15);

        await fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ContentDailyCounts>().AddAsync([new PendingCount(day, item.ContentItemId, 2, 1)]);
            return 0;
        });
        await fixture.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ContentDailyCounts>().AddAsync(
                [new PendingCount(day, item.ContentItemId, 3, 0), new PendingCount(day.AddDays(1), item.ContentItemId, 1, 4)]);
            return 0;
        });

        var rows = await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<ContentDailyCount>().AsNoTracking()
            .Where(c => c.ContentItemId == item.ContentItemId).OrderBy(c => c.Day).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((day, 5L, 1L, BenThanh), (rows[0].Day, rows[0].Views, rows[0].Downloads, rows[0].OrganizationId));
        Assert.Equal((day.AddDays(1), 1L, 4L, BenThanh), (rows[1].Day, rows[1].Views, rows[1].Downloads, rows[1].OrganizationId));
    }

    private sealed record TextColumn(string Table, string Column);
}

public sealed class ViewCountingSqliteTests(SqliteSiteFixture fixture) : ViewCountingTests<SqliteSiteFixture>(fixture);

public sealed class ViewCountingPostgresTests(PostgresSiteFixture fixture) : ViewCountingTests<PostgresSiteFixture>(fixture);
