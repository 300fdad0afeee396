using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>Shortcuts of the media tests: files put straight into the running site's media store, items using them.</summary>
public static class MediaTestSupport
{
    public const string SampleImage = "mau/gio-an-tu-phuc-vu.jpg";

    /// <summary>
    /// Writes a file into the media store (staged, then committed) and returns its path. With an organisation, the file
    /// is recorded as an upload of that organisation's library (a <c>MediaFiles</c> row); without, it is like a recipe's
    /// file, which only administrators may read before a published item uses it.
    /// </summary>
    public static async Task<string> PutFileAsync(SiteFixture fixture, string path, byte[] bytes, string? organizationId = null)
    {
        await fixture.WithServicesAsync(async sp =>
        {
            using var input = new MemoryStream(bytes);
            (await sp.GetRequiredService<IMediaStore>().StageAsync(path, input)).Commit();
            if (organizationId is not null)
            {
                var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
                db.Add(new MediaFileRecord
                {
                    Path = path, OriginalName = Path.GetFileName(path), OrganizationId = organizationId, Kind = "Image",
                    ContentType = "image/jpeg", Length = bytes.Length, Sha256 = new string('0', 64), UploadedBy = "test", UploadedUtc = DateTime.UtcNow,
                });
                await db.SaveChangesAsync();
            }

            return true;
        });
        return path;
    }

    /// <summary>Some bytes that start like a JPEG file, different each time.</summary>
    public static byte[] JpegBytes()
    {
        var bytes = new byte[2048];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    /// <summary>Kept by browsers and proxies for five minutes, then revalidated; never <c>immutable</c>.</summary>
    public static void AssertPublicCache(HttpResponseMessage response)
    {
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public && cache.MustRevalidate && cache.MaxAge == TimeSpan.FromMinutes(5) && !cache.NoStore && !cache.Private,
            cache.ToString());
        Assert.DoesNotContain("immutable", string.Join(",", response.Headers.GetValues("Cache-Control")), StringComparison.OrdinalIgnoreCase);
    }

    public static string Url(string path) => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static Task<MediaUsageInfo> UsageAsync(SiteFixture fixture, string path)
        => fixture.WithServicesAsync(sp => sp.GetRequiredService<IMediaUsage>().GetAsync(path));

    /// <summary>Changes the latest version of an item and saves it as a draft or publishes it.</summary>
    public static Task<ContentItem> SaveAsync(SiteFixture fixture, string id, Action<ContentItem> change, bool publish)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = (await contents.GetAsync(id, VersionOptions.Latest))!;
            change(item);
            var result = publish ? await contents.PublishAsync(item, ContentActor.System) : await contents.SaveDraftAsync(item, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return result.Item!;
        });

    public static void SetImages(ContentItem item, params string[] paths)
    {
        var field = item.GetOrCreateField("Initiative", "Images");
        field["Paths"] = new JsonArray(paths.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
        field["MediaTexts"] = new JsonArray(paths.Select(_ => (JsonNode)JsonValue.Create("Ảnh minh họa hoạt động của lớp.")!).ToArray());
        item.GetOrCreatePart("ConsentPart")["Confirmed"] = true;
    }

    public static void SetAttachments(ContentItem item, params string[] paths)
        => item.GetOrCreateField("Initiative", "Attachments")["Paths"] = new JsonArray(paths.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());

    public static Task<bool> RunAsync(SiteFixture fixture, Func<IContentManager, Task<bool>> work)
        => fixture.WithServicesAsync(sp => work(sp.GetRequiredService<IContentManager>()));
}

/// <summary>
/// <c>/media/…</c>: who gets which file (published, draft-only and unattached files), the headers of a served file
/// (type, disposition, ETag, cache, nosniff, CSP), conditional and range requests, and unsafe paths.
/// </summary>
public abstract class MediaServingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";

    /// <summary>Never stored by a cache: <c>private, no-store</c> and nothing public.</summary>
    private static void AssertPrivate(HttpResponseMessage response)
    {
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Private && cache.NoStore && !cache.Public && cache.MaxAge is null, cache.ToString());
    }

    [SkippableFact]
    public async Task A_sample_image_of_a_published_item_is_public_with_cache_and_safety_headers()
    {
        fixture.SkipUnlessAvailable();
        Assert.True((await MediaTestSupport.UsageAsync(fixture, MediaTestSupport.SampleImage)).IsPublished);
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(MediaTestSupport.Url(MediaTestSupport.SampleImage));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        MediaTestSupport.AssertPublicCache(response);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox", Header(response, "Content-Security-Policy"));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("filename*=UTF-8''gio-an-tu-phuc-vu.jpg", Header(response, "Content-Disposition"));
        Assert.Equal("bytes", Header(response, "Accept-Ranges"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, bytes[..2]);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }

    [SkippableFact]
    public async Task The_ETag_answers_304_Not_Modified()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var url = MediaTestSupport.Url(MediaTestSupport.SampleImage);
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [SkippableFact]
    public async Task A_range_request_returns_exactly_the_bytes_asked_for()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var url = MediaTestSupport.Url(MediaTestSupport.SampleImage);
        var whole = await client.GetByteArrayAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(0, 99);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(whole[..100], await response.Content.ReadAsByteArrayAsync());
        var range = response.Content.Headers.ContentRange!;
        Assert.Equal((0L, 99L, (long)whole.Length), (range.From!.Value, range.To!.Value, range.Length!.Value));

        using var tail = new HttpRequestMessage(HttpMethod.Get, url);
        tail.Headers.Range = new RangeHeaderValue(whole.Length - 10, null);
        using var tailResponse = await client.SendAsync(tail);
        Assert.Equal(HttpStatusCode.PartialContent, tailResponse.StatusCode);
        Assert.Equal(whole[^10..], await tailResponse.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task A_file_of_a_draft_is_served_only_to_those_who_may_view_the_item_until_it_is_published()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"u/{ContentAdminSupport.BenThanh}/2026/01/nhap-{Guid.NewGuid():N}.jpg", MediaTestSupport.JpegBytes(), ContentAdminSupport.BenThanh);
        var draft = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến có ảnh nháp"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, draft.ContentItemId, item => MediaTestSupport.SetImages(item, path), publish: false);
        var url = MediaTestSupport.Url(path);
        using var anonymous = fixture.CreateClient();
        var otherSchool = await ContentAdminSupport.SessionAsync(fixture, Accounts.OtherSchoolContributor);
        var author = await ContentAdminSupport.SessionAsync(fixture, Accounts.Contributor);
        var districtCurator = await ContentAdminSupport.SessionAsync(fixture, Accounts.DistrictCurator);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.GetAsync(url)).StatusCode);
        using (var own = await author.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            AssertPrivate(own);
            Assert.Equal("nosniff", Header(own, "X-Content-Type-Options"));
            Assert.Contains("sandbox", Header(own, "Content-Security-Policy"));
        }

        Assert.Equal(HttpStatusCode.OK, (await districtCurator.GetAsync(url)).StatusCode);

        Assert.True((await MediaTestSupport.RunAsync(fixture, async c => (await c.PublishLatestAsync(draft.ContentItemId, ContentActor.System)).Succeeded)));
        using (var published = await anonymous.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            MediaTestSupport.AssertPublicCache(published);
        }

        Assert.True(await MediaTestSupport.RunAsync(fixture, c => c.UnpublishAsync(draft.ContentItemId, ContentActor.System)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task A_file_attached_to_nothing_is_served_only_in_the_back_office()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"thu-nghiem/thu-vien-{Guid.NewGuid():N}.jpg", MediaTestSupport.JpegBytes());
        Assert.False((await MediaTestSupport.UsageAsync(fixture, path)).IsUsed);
        using var anonymous = fixture.CreateClient();
        var admin = await ContentAdminSupport.SessionAsync(fixture, Accounts.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(MediaTestSupport.Url(path))).StatusCode);
        using var response = await admin.GetAsync(MediaTestSupport.Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPrivate(response);
    }

    [SkippableTheory]
    [InlineData("/media/..%2F..%2Fchuyende.db")]
    [InlineData("/media/.derivatives/x")]
    [InlineData("/media/.staging/x.tmp")]
    [InlineData("/media/mau/../../x")]
    [InlineData("/media/mau/%2E%2E/%2E%2E/chuyende.db")]
    [InlineData("/media/mau%5C..%5C..%5Cchuyende.db")]
    [InlineData("/media/")]
    public async Task Unsafe_paths_are_not_found_even_for_the_administrator(string url)
    {
        fixture.SkipUnlessAvailable();
        using var anonymous = fixture.CreateClient();
        var admin = await ContentAdminSupport.SessionAsync(fixture, Accounts.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task An_office_document_is_downloaded_as_an_attachment_with_its_name_encoded()
    {
        fixture.SkipUnlessAvailable();
        var name = $"Kế hoạch đổi mới {Guid.NewGuid():N}.docx";
        var path = await MediaTestSupport.PutFileAsync(fixture, "thu-nghiem/" + name, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4]);
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến có văn bản"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetAttachments(i, path), publish: true);
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(MediaTestSupport.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var disposition = Header(response, "Content-Disposition");
        Assert.StartsWith("attachment;", disposition);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(name), disposition);
        Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar);
    }
}

public sealed class MediaServingSqliteTests(SqliteSiteFixture fixture) : MediaServingTests<SqliteSiteFixture>(fixture);

public sealed class MediaServingPostgresTests(PostgresSiteFixture fixture) : MediaServingTests<PostgresSiteFixture>(fixture);
