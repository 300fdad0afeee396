using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
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
/// The output cache of anonymous public pages: a cached page answers with an <c>Age</c> header; every change shows on
/// the next anonymous request of every page that shows it; signed-in users never get or leave a cached page; entity
/// tags, compression and HEAD.
/// </summary>
public abstract class PageCacheTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private async Task<(HttpResponseMessage Response, string Body)> AnonymousAsync(string url, Action<HttpRequestMessage>? configure = null)
    {
        using var client = fixture.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    /// <summary>Requests the page until the cache serves it (the first answer renders and stores it).</summary>
    private async Task WarmAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            await AnonymousAsync(url);
            var (again, _) = await AnonymousAsync(url);
            Assert.True(FromCache(again), $"{url} was not served from the cache on its second request.");
        }
    }

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    [SkippableFact]
    public async Task The_second_anonymous_request_of_a_page_is_served_from_the_cache()
    {
        fixture.SkipUnlessAvailable();
        foreach (var url in new[] { "/", "/tin-tuc", "/sang-kien", "/san-pham-dien-hinh", "/feed", "/sitemap.xml", "/robots.txt" })
        {
            var (first, firstBody) = await AnonymousAsync(url + "?lan=" + Guid.NewGuid().ToString("N")[..6]);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(FromCache(first), url);
            var (second, secondBody) = await AnonymousAsync(first.RequestMessage!.RequestUri!.PathAndQuery);
            Assert.True(FromCache(second), url + " was rendered again");
            Assert.Equal(firstBody, secondBody);
        }
    }

    [SkippableFact]
    public async Task A_cached_page_is_answered_before_routing_and_HEAD_and_conditional_requests_are_answered_from_the_copy()
    {
        fixture.SkipUnlessAvailable();
        var url = "/tin-tuc?truoc=" + Guid.NewGuid().ToString("N")[..6];
        var (first, body) = await AnonymousAsync(url);
        Assert.False(FromCache(first));
        var front = fixture.Factory.Services.GetRequiredService<FrontPageCache>();
        var key = "identity|http://localhost" + url; // what a client sending no Accept-Encoding is kept under
        Assert.True(front.TryGet(key, Environment.TickCount64, out var copy), "the rendered page was not kept by the front cache");
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), copy.Body.Length);

        // The copy is what is answered: same body, the headers of the page (security headers included), an age.
        var (second, secondBody) = await AnonymousAsync(url);
        Assert.True(FromCache(second));
        Assert.Equal(body, secondBody);
        Assert.Equal("DENY", second.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        using var client = fixture.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(copy.Body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        var (conditional, _) = await AnonymousAsync(url, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());

        // A request carrying the sign-in cookie (even a stale one) never gets the copy.
        var (withCookie, _) = await AnonymousAsync(url, r => r.Headers.Add("Cookie", ".ChuyenDe.Auth=cu"));
        Assert.Null(withCookie.Headers.Age);
    }

    [SkippableFact]
    public async Task A_page_answered_from_the_output_cache_is_kept_by_the_front_cache_with_its_tags_which_never_leave_the_site()
    {
        // What a second node sees: the page was rendered elsewhere and is in the shared store, not in this node's front cache.
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến nút thứ hai"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        var (rendered, _) = await AnonymousAsync(path);
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.False(FromCache(rendered));
        Assert.False(rendered.Headers.Contains(PageCache.TagsHeader), "the page's tags left the site");

        var front = fixture.Factory.Services.GetRequiredService<FrontPageCache>();
        var key = "identity|http://localhost" + path;
        Assert.True(front.TryGet(key, Environment.TickCount64, out _));
        front.Forget(key);

        var (fromStore, body) = await AnonymousAsync(path);
        Assert.True(FromCache(fromStore), "the output cache did not answer");
        Assert.False(fromStore.Headers.Contains(PageCache.TagsHeader), "the page's tags left the site with a copy from the store");
        Assert.True(front.TryGet(key, Environment.TickCount64, out var copy), "the page answered from the store was not kept by this node");
        Assert.Contains(CacheTags.Item(item.ContentItemId), copy.Tags);
        Assert.Contains(CacheTags.Site, copy.Tags);
        Assert.DoesNotContain(copy.Headers, h => h.Key == PageCache.TagsHeader);
        var (again, againBody) = await AnonymousAsync(path);
        Assert.True(FromCache(again));
        Assert.Equal(body, againBody);
        Assert.False(again.Headers.Contains(PageCache.TagsHeader));

        // Answers without a body from the store don't carry the tags either.
        front.Forget(key);
        using (var client = fixture.CreateClient())
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.False(head.Headers.Contains(PageCache.TagsHeader), "HEAD from the store carried the page's tags");
        }

        front.Forget(key);
        var (conditional, _) = await AnonymousAsync(path, r => r.Headers.IfNoneMatch.Add(fromStore.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.False(conditional.Headers.Contains(PageCache.TagsHeader), "a 304 from the store carried the page's tags");

        // Its tags evict it: a new published version shows on the next request.
        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Phiên bản mới từ nút khác.";
            await contents.SaveDraftAsync(draft, ContentActor.System);
            return await contents.PublishLatestAsync(item.ContentItemId, ContentActor.System);
        });
        var (changed, changedBody) = await AnonymousAsync(path);
        Assert.False(FromCache(changed));
        Assert.Contains("Phiên bản mới từ nút khác.", changedBody);
    }

    [SkippableFact]
    public async Task Publishing_and_unpublishing_show_on_the_next_request_of_every_page_that_lists_the_item()
    {
        fixture.SkipUnlessAvailable();
        var title = FreshTitle("Sáng kiến bộ nhớ đệm");
        await WarmAsync("/", "/sang-kien", "/feed", "/sang-kien/feed", "/sitemap.xml");

        var item = await CreateInitiativeAsync(fixture, title, BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);

        Assert.Contains(title, (await AnonymousAsync("/")).Body);
        Assert.Contains(title, (await AnonymousAsync("/sang-kien")).Body);
        Assert.Contains(title, (await AnonymousAsync("/feed")).Body);
        Assert.Contains(title, (await AnonymousAsync("/sang-kien/feed")).Body);
        Assert.Contains("http://localhost" + path + "<", (await AnonymousAsync("/sitemap.xml")).Body);
        await WarmAsync(path);

        var unpublished = await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>()
            .UnpublishAsync(item.ContentItemId, ContentActor.System));
        Assert.True(unpublished);

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousAsync(path)).Response.StatusCode);
        Assert.DoesNotContain(title, (await AnonymousAsync("/")).Body);
        Assert.DoesNotContain(title, (await AnonymousAsync("/sang-kien")).Body);
        Assert.DoesNotContain(title, (await AnonymousAsync("/sang-kien/feed")).Body);
        Assert.DoesNotContain("http://localhost" + path + "<", (await AnonymousAsync("/sitemap.xml")).Body);
    }

    [SkippableFact]
    public async Task A_new_published_version_replaces_the_cached_item_page_and_a_draft_does_not()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến phiên bản"), BenThanh, Accounts.Administrator, publish: true);
        var path = PathOf(item);
        await WarmAsync(path, "/sang-kien");

        // A draft shows nowhere: the cached pages stay.
        await fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
            draft.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Bản nháp chưa công bố.";
            return await contents.SaveDraftAsync(draft, ContentActor.System);
        });
        Assert.True(FromCache((await AnonymousAsync(path)).Response));
        Assert.True(FromCache((await AnonymousAsync("/sang-kien")).Response));

        // Publishing it does show.
        await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentManager>().PublishLatestAsync(item.ContentItemId, ContentActor.System));
        var (page, body) = await AnonymousAsync(path);
        Assert.False(FromCache(page));
        Assert.Contains("Bản nháp chưa công bố.", body);
    }

    [SkippableFact]
    public async Task Settings_and_unit_names_show_on_the_next_request()
    {
        fixture.SkipUnlessAvailable();
        var item = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến tên đơn vị"), BenThanh, Accounts.Administrator, publish: true);
        await WarmAsync("/", "/sang-kien", PathOf(item));

        var description = "Mô tả mới " + Guid.NewGuid().ToString("N")[..6];
        await fixture.WithServicesAsync(sp => sp.GetRequiredService<ISiteSettingsService>().MergeAsync(new JsonObject { ["Description"] = description }));
        Assert.Contains(description, (await AnonymousAsync("/")).Body);

        await WarmAsync("/sang-kien", PathOf(item));
        var newName = "Trường Mầm non Bến Thành " + Guid.NewGuid().ToString("N")[..4];
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var unit = await db.Set<Organization>().SingleAsync(o => o.Id == BenThanh);
            unit.Name = newName;
            return await db.SaveChangesAsync();
        });
        Assert.Contains(newName, (await AnonymousAsync("/sang-kien")).Body);
        Assert.Contains(newName, (await AnonymousAsync(PathOf(item))).Body);
    }

    [SkippableFact]
    public async Task A_change_that_is_rolled_back_evicts_nothing()
    {
        fixture.SkipUnlessAvailable();
        await WarmAsync("/");
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<ISiteSettingsService>().MergeAsync(new JsonObject { ["Description"] = "Không bao giờ lưu" });
            await transaction.RollbackAsync();
            return 0;
        });

        var (home, body) = await AnonymousAsync("/");
        Assert.True(FromCache(home));
        Assert.DoesNotContain("Không bao giờ lưu", body);
    }

    [SkippableFact]
    public async Task Signed_in_users_never_receive_nor_leave_a_cached_page()
    {
        fixture.SkipUnlessAvailable();
        var url = "/tin-tuc?nguoi=" + Guid.NewGuid().ToString("N")[..6];
        var session = await SessionAsync(fixture, Accounts.Contributor);

        using (var signedIn = await session.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Null(signedIn.Headers.Age);
        }

        // What the signed-in user got was not stored: the first anonymous request renders.
        Assert.False(FromCache((await AnonymousAsync(url)).Response));
        Assert.True(FromCache((await AnonymousAsync(url)).Response));

        // And the anonymous copy is not given to her.
        using var again = await session.GetAsync(url);
        Assert.Null(again.Headers.Age);
        Assert.Null(again.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    [SkippableFact]
    public async Task Pages_carry_an_entity_tag_and_answer_304_when_it_matches_rendered_or_cached()
    {
        fixture.SkipUnlessAvailable();
        var url = "/su-kien?etag=" + Guid.NewGuid().ToString("N")[..6];
        var (first, _) = await AnonymousAsync(url);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        var (cached, _) = await AnonymousAsync(url, r => r.Headers.IfNoneMatch.Add(tag!));
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(await cached.Content.ReadAsByteArrayAsync());

        // Rendered (the cache switched off for this request by a fresh query) with the same body: same tag, 304.
        var other = "/su-kien?etag=" + Guid.NewGuid().ToString("N")[..6];
        var (rendered, _) = await AnonymousAsync(other, r => r.Headers.IfNoneMatch.Add(tag!));
        Assert.Equal(HttpStatusCode.NotModified, rendered.StatusCode);

        var (stale, _) = await AnonymousAsync(url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"ancu\"", true)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [SkippableTheory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task Anonymous_pages_are_compressed_in_the_encoding_the_client_prefers_and_decompress_to_the_same_page(string accept, string expected)
    {
        fixture.SkipUnlessAvailable();
        var url = "/mo-hinh-diem?nen=" + Guid.NewGuid().ToString("N")[..6];
        var (plain, plainBody) = await AnonymousAsync(url);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        foreach (var attempt in new[] { 1, 2 })
        {
            using var client = fixture.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            using var response = await client.SendAsync(request);
            Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Equal(attempt == 2, FromCache(response));
            await using var compressed = await response.Content.ReadAsStreamAsync();
            await using Stream decompressed = expected == "br"
                ? new BrotliStream(compressed, CompressionMode.Decompress)
                : new GZipStream(compressed, CompressionMode.Decompress);
            using var reader = new StreamReader(decompressed);
            Assert.Equal(plainBody, await reader.ReadToEndAsync());
        }
    }

    [SkippableFact]
    public async Task Whatever_the_clients_accept_none_is_given_a_cached_copy_in_an_encoding_it_did_not_ask_for()
    {
        fixture.SkipUnlessAvailable();
        var url = "/tin-tuc?ma-hoa=" + Guid.NewGuid().ToString("N")[..6];
        var (plain, plainBody) = await AnonymousAsync(url);

        // Headers a browser, a crawler or a made-up client may send, in an order that would poison a copy kept under the
        // wrong encoding: each answer must be in a coding its own request accepts and decode to the same page.
        string?[] headers = ["*;q=0.5, gzip", "gzip", "br;q=0, *", "br;q=0, gzip;q=0, *;q=0.1", null, "br", "gzip;q=1.0, br;q=0.5", "identity", "*"];
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var accept in headers)
            {
                using var client = fixture.CreateClient();
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (accept is not null)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
                }

                using var response = await client.SendAsync(request);
                var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
                var allowed = accept switch
                {
                    null or "identity" => new[] { (string?)null },
                    "gzip" => [null, "gzip"],
                    "br" => [null, "br"],
                    "br;q=0, *" => [null, "gzip"],
                    "br;q=0, gzip;q=0, *;q=0.1" => [null],
                    _ => [null, "gzip", "br"],
                };
                Assert.True(allowed.Contains(encoding), $"round {round}: '{accept}' got '{encoding}'");
                await using var stream = await response.Content.ReadAsStreamAsync();
                await using Stream decoded = encoding switch
                {
                    "br" => new BrotliStream(stream, CompressionMode.Decompress),
                    "gzip" => new GZipStream(stream, CompressionMode.Decompress),
                    _ => stream,
                };
                using var reader = new StreamReader(decoded);
                Assert.Equal(plainBody, await reader.ReadToEndAsync());
            }
        }

        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/feed")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task HEAD_is_answered_for_every_page_without_a_body(string url)
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        using var get = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task HEAD_of_an_unknown_address_is_404_and_of_an_item_is_200()
    {
        fixture.SkipUnlessAvailable();
        var item = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Article"], PageSize = 1 }))).Items.Single();
        using var client = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, PathOf(item)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/khong-co-trang-nay"))).StatusCode);
    }
}

public sealed class PageCacheSqliteTests(SqliteSiteFixture fixture) : PageCacheTests<SqliteSiteFixture>(fixture);

public sealed class PageCachePostgresTests(PostgresSiteFixture fixture) : PageCacheTests<PostgresSiteFixture>(fixture);

/// <summary>The cache switched off by configuration (<c>ChuyenDe:OutputCache:Enabled=false</c>): every request renders.</summary>
public sealed class PageCacheOffTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private CmsAppFactory? _factory;

    public Task InitializeAsync()
    {
        _factory = new CmsAppFactory(_database, new Dictionary<string, string?> { ["ChuyenDe:OutputCache:Enabled"] = "false" });
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

    [Fact]
    public async Task With_the_cache_off_every_request_renders_and_still_gets_an_entity_tag()
    {
        using var client = _factory!.CreateClient(new() { AllowAutoRedirect = false });
        using var first = await client.GetAsync("/tin-tuc");
        using var second = await client.GetAsync("/tin-tuc");

        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        Assert.NotNull(second.Headers.ETag);
    }
}
