using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Media.Images;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace ChuyenDe.Tests.Functional.Media;

/// <summary>
/// <c>/media/_anh/{size}/{format}/…</c>: image derivatives served with the access rule of the originals, their headers
/// (type, strong ETag and 304, cache, nosniff, CSP), their sizes and stripped metadata, refusals as 404, and the public
/// pages (cards, item gallery) that use them.
/// </summary>
public abstract class DerivativeServingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Csp = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
    private static readonly HtmlParser Parser = new();

    private static string Url(string size, string format, string path)
        => $"/media/_anh/{size}/{format}/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_card_WebP_of_a_sample_image_is_public_at_most_640_pixels_and_without_metadata()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(Url("the", "webp", MediaTestSupport.SampleImage));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        MediaTestSupport.AssertPublicCache(response);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(Csp, Header(response, "Content-Security-Policy"));
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        using var image = Image.Load<Rgba32>(bytes, out var format);
        Assert.IsType<WebpFormat>(format);
        Assert.Equal(640, Math.Max(image.Width, image.Height));
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Null(image.Metadata.XmpProfile);
        Assert.Null(image.Metadata.IptcProfile);
    }

    [SkippableFact]
    public async Task The_JPEG_thumbnail_is_at_most_320_pixels_and_the_large_copy_at_most_1600()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();

        using var thumbnail = await client.GetAsync(Url("nho", "jpg", MediaTestSupport.SampleImage));
        using var large = await client.GetAsync(Url("lon", "jpg", MediaTestSupport.SampleImage));

        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        using (var image = Image.Load<Rgba32>(await thumbnail.Content.ReadAsByteArrayAsync(), out var format))
        {
            Assert.IsType<JpegFormat>(format);
            Assert.True(Math.Max(image.Width, image.Height) <= 320, $"{image.Width} × {image.Height}");
            Assert.Null(image.Metadata.ExifProfile);
        }

        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        using (var image = Image.Load<Rgba32>(await large.Content.ReadAsByteArrayAsync()))
        {
            // Never upscaled: the 960 × 640 sample stays as it is.
            Assert.Equal((960, 640), (image.Width, image.Height));
        }
    }

    [SkippableFact]
    public async Task A_geotagged_photo_of_a_published_item_loses_every_metadata_profile_in_each_derivative()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"thu-nghiem/gps-{Guid.NewGuid():N}.jpg", ImageTestFiles.GeotaggedJpeg());
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến có ảnh định vị"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetImages(i, path), publish: true);
        using var client = fixture.CreateClient();

        foreach (var (size, format) in new[] { ("nho", "jpg"), ("the", "webp"), ("lon", "jpg"), ("lon", "webp") })
        {
            using var response = await client.GetAsync(Url(size, format, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.DoesNotContain(ImageTestFiles.SecretCity, System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("CameraMakerXyz", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            using var image = Image.Load<Rgba32>(bytes);
            Assert.Null(image.Metadata.ExifProfile);
            Assert.Null(image.Metadata.XmpProfile);
            Assert.Null(image.Metadata.IptcProfile);
            // Orientation 6 applied: the 400 × 200 photo stands upright.
            Assert.True(image.Height > image.Width, $"{size}/{format}: {image.Width} × {image.Height}");
        }
    }

    [SkippableFact]
    public async Task The_ETag_answers_304_Not_Modified()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var url = Url("the", "jpg", MediaTestSupport.SampleImage);
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        MediaTestSupport.AssertPublicCache(again);

        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);

        // Each size and format is its own representation.
        using var webp = await client.GetAsync(Url("the", "webp", MediaTestSupport.SampleImage));
        Assert.NotEqual(etag, webp.Headers.ETag);
    }

    [SkippableTheory]
    [InlineData("/media/_anh/rat-lon/webp/mau/gio-an-tu-phuc-vu.jpg")]
    [InlineData("/media/_anh/Nho/jpg/mau/gio-an-tu-phuc-vu.jpg")]
    [InlineData("/media/_anh/the/png/mau/gio-an-tu-phuc-vu.jpg")]
    [InlineData("/media/_anh/the/jpeg/mau/gio-an-tu-phuc-vu.jpg")]
    [InlineData("/media/_anh/the/webp/mau/khong-co-anh-nay.jpg")]
    [InlineData("/media/_anh/the/webp/")]
    [InlineData("/media/_anh/the/webp/..%2F..%2Fchuyende.db")]
    [InlineData("/media/_anh/the/webp/.derivatives/card/webp/mau/gio-an-tu-phuc-vu.jpg.webp")]
    [InlineData("/media/_anh/the/webp/mau/%2E%2E/%2E%2E/chuyende.db")]
    public async Task Unknown_sizes_formats_and_paths_are_not_found(string url)
    {
        fixture.SkipUnlessAvailable();
        using var anonymous = fixture.CreateClient();
        var admin = await ContentAdminSupport.SessionAsync(fixture, Accounts.Administrator);

        using var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task A_document_and_an_image_the_pipeline_refuses_have_no_derivative_and_answer_404_not_500()
    {
        fixture.SkipUnlessAvailable();
        var document = await MediaTestSupport.PutFileAsync(fixture, $"thu-nghiem/ke-hoach-{Guid.NewGuid():N}.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
        // Starts like a JPEG, but is noise: the pipeline refuses it.
        var broken = await MediaTestSupport.PutFileAsync(fixture, $"thu-nghiem/hong-{Guid.NewGuid():N}.jpg", MediaTestSupport.JpegBytes());
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến có ảnh hỏng"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i =>
        {
            MediaTestSupport.SetImages(i, broken);
            MediaTestSupport.SetAttachments(i, document);
        }, publish: true);
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MediaTestSupport.Url(broken))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url("the", "webp", broken))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url("nho", "jpg", broken))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url("the", "jpg", document))).StatusCode);
    }

    [SkippableFact]
    public async Task A_derivative_of_an_image_of_a_draft_is_served_only_to_those_who_may_view_the_item()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"u/{ContentAdminSupport.BenThanh}/2026/01/nhap-{Guid.NewGuid():N}.jpg", ImageTestFiles.Noise(800, 600), ContentAdminSupport.BenThanh);
        var draft = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến có ảnh nháp"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, draft.ContentItemId, item => MediaTestSupport.SetImages(item, path), publish: false);
        var url = Url("the", "webp", path);
        using var anonymous = fixture.CreateClient();
        var otherSchool = await ContentAdminSupport.SessionAsync(fixture, Accounts.OtherSchoolContributor);
        var author = await ContentAdminSupport.SessionAsync(fixture, Accounts.Contributor);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSchool.GetAsync(url)).StatusCode);
        using (var own = await author.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("image/webp", own.Content.Headers.ContentType!.MediaType);
            var cache = own.Headers.CacheControl!;
            Assert.True(cache.Private && cache.NoStore && !cache.Public && cache.MaxAge is null, cache.ToString());
            Assert.Equal("nosniff", Header(own, "X-Content-Type-Options"));
            Assert.Equal(Csp, Header(own, "Content-Security-Policy"));
        }

        Assert.True(await MediaTestSupport.RunAsync(fixture, async c => (await c.PublishLatestAsync(draft.ContentItemId, ContentActor.System)).Succeeded));
        using (var published = await anonymous.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            MediaTestSupport.AssertPublicCache(published);
        }

        Assert.True(await MediaTestSupport.RunAsync(fixture, c => c.UnpublishAsync(draft.ContentItemId, ContentActor.System)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [SkippableFact]
    public async Task A_derivative_of_a_file_attached_to_nothing_is_served_only_in_the_back_office()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"thu-nghiem/thu-vien-{Guid.NewGuid():N}.jpg", ImageTestFiles.Noise(400, 300));
        using var anonymous = fixture.CreateClient();
        var contributor = await ContentAdminSupport.SessionAsync(fixture, Accounts.Contributor);
        var admin = await ContentAdminSupport.SessionAsync(fixture, Accounts.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url("nho", "jpg", path))).StatusCode);
        using var response = await admin.GetAsync(Url("nho", "jpg", path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        // Same answer as the original file for a signed-in contributor (back-office users have AccessAdmin).
        Assert.Equal((await contributor.GetAsync(MediaTestSupport.Url(path))).StatusCode, (await contributor.GetAsync(Url("nho", "jpg", path))).StatusCode);
    }

    [SkippableFact]
    public async Task Home_page_cards_use_a_WebP_card_derivative_with_a_JPEG_fallback_that_answer_200()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var document = await PageAsync(client, "/");

        var pictures = document.QuerySelectorAll(".card picture");
        Assert.NotEmpty(pictures);
        foreach (var picture in pictures)
        {
            var source = picture.QuerySelector("source")!;
            var img = picture.QuerySelector("img")!;
            Assert.Equal("image/webp", source.GetAttribute("type"));
            var webp = source.GetAttribute("srcset")!;
            var jpeg = img.GetAttribute("src")!;
            Assert.StartsWith("/media/_anh/the/webp/", webp, StringComparison.Ordinal);
            Assert.StartsWith("/media/_anh/the/jpg/", jpeg, StringComparison.Ordinal);
            Assert.Equal("lazy", img.GetAttribute("loading"));
            Assert.Equal("640", img.GetAttribute("width"));
            Assert.Equal("427", img.GetAttribute("height"));
            Assert.NotNull(img.GetAttribute("alt"));
        }

        foreach (var url in pictures.SelectMany(p => new[] { p.QuerySelector("source")!.GetAttribute("srcset")!, p.QuerySelector("img")!.GetAttribute("src")! }).Distinct().Take(6))
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(url.Contains("/webp/", StringComparison.Ordinal) ? "image/webp" : "image/jpeg", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [SkippableFact]
    public async Task The_item_page_gallery_offers_thumbnail_and_card_derivatives_with_alt_texts_and_links_the_large_copy()
    {
        fixture.SkipUnlessAvailable();
        var item = (await fixture.WithServicesAsync(sp => sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Initiative"], TitleContains = "Đổi mới giờ ăn" }))).Items.First();
        using var client = fixture.CreateClient();
        var document = await PageAsync(client, "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>());

        var figures = document.QuerySelectorAll(".gallery figure");
        Assert.NotEmpty(figures);
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var figure in figures)
        {
            var link = figure.QuerySelector("a")!.GetAttribute("href")!;
            Assert.StartsWith("/media/_anh/lon/jpg/", link, StringComparison.Ordinal);
            var source = figure.QuerySelector("picture source")!;
            var img = figure.QuerySelector("picture img")!;
            Assert.Equal("image/webp", source.GetAttribute("type"));
            Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
            Assert.Equal(img.GetAttribute("alt"), figure.QuerySelector("figcaption")!.TextContent.Trim());
            Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("sizes")));
            Assert.Equal(img.GetAttribute("sizes"), source.GetAttribute("sizes"));
            var jpegs = Candidates(img.GetAttribute("srcset")!);
            var webps = Candidates(source.GetAttribute("srcset")!);
            Assert.Equal(new[] { "320w", "640w" }, jpegs.Select(c => c.Width));
            Assert.Equal(new[] { "320w", "640w" }, webps.Select(c => c.Width));
            Assert.StartsWith("/media/_anh/nho/jpg/", jpegs[0].Url, StringComparison.Ordinal);
            Assert.StartsWith("/media/_anh/the/jpg/", jpegs[1].Url, StringComparison.Ordinal);
            Assert.StartsWith("/media/_anh/nho/webp/", webps[0].Url, StringComparison.Ordinal);
            Assert.StartsWith("/media/_anh/the/webp/", webps[1].Url, StringComparison.Ordinal);
            Assert.Equal(jpegs[1].Url, img.GetAttribute("src"));
            urls.UnionWith([link, .. jpegs.Select(c => c.Url), .. webps.Select(c => c.Url)]);
        }

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    private static List<(string Url, string Width)> Candidates(string srcset)
        => srcset.Split(',', StringSplitOptions.TrimEntries).Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (parts[0], parts[1])).ToList();

    /// <summary>
    /// Issue 10, item 4: a public photo may be kept by browsers and proxies for five minutes at most, then is
    /// revalidated; once its item is unpublished (consent withdrawn) the original and every derivative answer 404, even
    /// to a client that revalidates with the ETag it had.
    /// </summary>
    [SkippableFact]
    public async Task A_photo_that_stops_being_public_stops_being_served_and_was_never_cached_for_long()
    {
        fixture.SkipUnlessAvailable();
        var path = await MediaTestSupport.PutFileAsync(fixture, $"thu-nghiem/dong-y-{Guid.NewGuid():N}.jpg", ImageTestFiles.Noise(800, 600));
        var item = await ContentAdminSupport.CreateInitiativeAsync(fixture, ContentAdminSupport.FreshTitle("Sáng kiến có ảnh của trẻ"),
            ContentAdminSupport.BenThanh, Accounts.Contributor, publish: false);
        await MediaTestSupport.SaveAsync(fixture, item.ContentItemId, i => MediaTestSupport.SetImages(i, path), publish: true);
        using var anonymous = fixture.CreateClient();
        var urls = new[] { MediaTestSupport.Url(path), Url("the", "webp", path), Url("nho", "jpg", path) };
        var validators = new List<(string Url, EntityTagHeaderValue ETag, DateTimeOffset LastModified)>();

        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.Public && cache.MustRevalidate && cache.MaxAge is { } age && age <= TimeSpan.FromMinutes(5), $"{url}: {cache}");
            Assert.DoesNotContain("immutable", Header(response, "Cache-Control"), StringComparison.OrdinalIgnoreCase);
            Assert.False(response.Headers.ETag!.IsWeak);
            Assert.NotNull(response.Content.Headers.LastModified);
            validators.Add((url, response.Headers.ETag, response.Content.Headers.LastModified!.Value));

            using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
            byTag.Headers.IfNoneMatch.Add(response.Headers.ETag);
            using var notModified = await anonymous.SendAsync(byTag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            MediaTestSupport.AssertPublicCache(notModified);

            using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
            byDate.Headers.IfModifiedSince = response.Content.Headers.LastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(byDate)).StatusCode);
        }

        Assert.True(await MediaTestSupport.RunAsync(fixture, c => c.UnpublishAsync(item.ContentItemId, ContentActor.System)));

        foreach (var (url, etag, lastModified) in validators)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
            using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
            revalidation.Headers.IfNoneMatch.Add(etag);
            revalidation.Headers.IfModifiedSince = lastModified;
            using var gone = await anonymous.SendAsync(revalidation);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.True(gone.Headers.CacheControl!.NoStore, url);
        }
    }

    [SkippableFact]
    public async Task A_derivative_answers_range_requests_with_206_and_an_unsatisfiable_range_with_416()
    {
        fixture.SkipUnlessAvailable();
        using var client = fixture.CreateClient();
        var url = Url("lon", "jpg", MediaTestSupport.SampleImage);
        using var first = await client.GetAsync(url);
        Assert.Equal("bytes", Header(first, "Accept-Ranges"));
        var whole = await first.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 299);
        using var part = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(whole[100..300], await part.Content.ReadAsByteArrayAsync());
        var range = part.Content.Headers.ContentRange!;
        Assert.Equal((100L, 299L, (long)whole.Length), (range.From!.Value, range.To!.Value, range.Length!.Value));
        Assert.Equal("image/jpeg", part.Content.Headers.ContentType!.MediaType);
        MediaTestSupport.AssertPublicCache(part);

        using var tail = new HttpRequestMessage(HttpMethod.Get, url);
        tail.Headers.Range = new RangeHeaderValue(null, 50);
        using var tailPart = await client.SendAsync(tail);
        Assert.Equal(HttpStatusCode.PartialContent, tailPart.StatusCode);
        Assert.Equal(whole[^50..], await tailPart.Content.ReadAsByteArrayAsync());

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(whole.Length + 10, null);
        using var unsatisfiable = await client.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal($"bytes */{whole.Length}", Header(unsatisfiable, "Content-Range"));
    }
}

public sealed class DerivativeServingSqliteTests(SqliteSiteFixture fixture) : DerivativeServingTests<SqliteSiteFixture>(fixture);

public sealed class DerivativeServingPostgresTests(PostgresSiteFixture fixture) : DerivativeServingTests<PostgresSiteFixture>(fixture);
