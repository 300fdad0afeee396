using Microsoft.Extensions.DependencyInjection;
using ChuyenDe.Modules.Caching;
using System.Text;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// Serves <c>/media/{path}</c> with the access rule of the media usage index, a strong ETag and Last-Modified (304 on
/// If-None-Match or If-Modified-Since), range requests, a content type from the extension, a Content-Disposition with
/// the file name (RFC 5987), and headers that keep a served file from running as a page (nosniff, a sandboxing
/// Content-Security-Policy).
/// </summary>
internal static class MediaFileEndpoint
{
    public const string ContentSecurityPolicy = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

    /// <summary>
    /// Public files are cached for five minutes at most, then revalidated (a cheap 304 while the file is still public).
    /// The addresses of files never change, so a longer lifetime (or <c>immutable</c>) would keep a photo in browsers
    /// and proxies long after its item was unpublished, for example when parents withdraw their consent.
    /// </summary>
    public const string PublicCache = "public, max-age=300, must-revalidate";
    public const string PrivateCache = "private, no-store";

    private static readonly FileExtensionContentTypeProvider Types = new();

    public static async Task<IResult> ServeAsync(
        string? path,
        HttpContext http,
        IMediaStore store,
        IMediaUsage usages,
        IUserScopeService scopes,
        IContentAuthorizer authorizer,
        IContentManager contents,
        DbContext db,
        DownloadDeduplicator downloads,
        CancellationToken ct)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = PrivateCache;
        headers.XContentTypeOptions = "nosniff";
        if (path is null || !FileSystemMediaStore.IsSafe(path))
        {
            return Results.NotFound();
        }

        var usage = await usages.GetAsync(path, ct);
        var isPublic = usage.IsPublished;
        if (!isPublic && !await MediaAccess.MayReadAsync(usage, http, scopes, authorizer, contents, ct))
        {
            return Results.NotFound();
        }

        var stream = await store.OpenReadAsync(path, ct);
        if (stream is null)
        {
            return Results.NotFound();
        }

        if (!Types.TryGetContentType(path, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        DateTimeOffset? lastModified = null;
        var version = stream.CanSeek ? stream.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) : "0";
        if (stream is FileStream file)
        {
            var written = File.GetLastWriteTimeUtc(file.Name);
            lastModified = new DateTimeOffset(written, TimeSpan.Zero);
            version += "-" + written.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        }

        var record = await db.Set<MediaFileRecord>().AsNoTracking().Where(f => f.Path == path)
            .Select(f => new { f.Id, f.OriginalName }).FirstOrDefaultAsync(ct);
        headers.ContentDisposition = ContentDisposition(record?.OriginalName ?? path, contentType);
        var result = Send(http, isPublic, stream, contentType, lastModified, new EntityTagHeaderValue($"\"{version}\""));
        if (record is null || contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        // A download: counted once the whole file was sent (not for 206 parts, 304 or HEAD), once per client and day,
        // and never for robots (see DownloadDeduplicator).
        var id = record.Id;
        return new CountedResult(result, id, downloads, async () =>
        {
            await db.Set<MediaFileRecord>().Where(f => f.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.DownloadCount, f => f.DownloadCount + 1), CancellationToken.None);
            var items = await db.Set<MediaUsageRecord>().AsNoTracking()
                .Where(u => u.Path == path && u.Published)
                .Select(u => u.ContentItemId).Distinct().ToListAsync(CancellationToken.None);
            await EvictPagesShowingCountAsync(http, items);
            foreach (var observer in http.RequestServices.GetServices<IMediaDownloadObserver>())
            {
                observer.DownloadCounted(path, items);
            }
        });
    }

    /// <summary>The cached pages of the published items using the file show its download count: evicted when it grows.</summary>
    private static async Task EvictPagesShowingCountAsync(HttpContext http, IReadOnlyList<string> items)
    {
        if (http.RequestServices.GetService<IPageCacheEvictor>() is not { } cache)
        {
            return;
        }

        foreach (var item in items)
        {
            await cache.EvictAsync(CacheTags.Item(item), CancellationToken.None);
        }
    }

    /// <summary>
    /// The answer of both media endpoints (originals and image derivatives) once access was granted: the cache header of
    /// a public or private file, the sandboxing Content-Security-Policy, then the file with its strong ETag and
    /// Last-Modified — 304 on a matching If-None-Match or If-Modified-Since, 206 with Content-Range for a satisfiable
    /// Range request (If-Range honoured), 416 for an unsatisfiable one, 200 otherwise. The stream is disposed by the result.
    /// </summary>
    internal static IResult Send(HttpContext http, bool isPublic, Stream stream, string contentType, DateTimeOffset? lastModified,
        EntityTagHeaderValue entityTag)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = isPublic ? PublicCache : PrivateCache;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.File(stream, contentType, lastModified: lastModified, entityTag: entityTag, enableRangeProcessing: true);
    }

    /// <summary>Images (but SVG), video, audio and PDF open in the browser; everything else is downloaded.</summary>
    internal static bool IsInline(string contentType)
        => (contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("svg", StringComparison.OrdinalIgnoreCase))
           || contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
           || contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
           || string.Equals(contentType, "application/pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs the file result, then <paramref name="onCounted"/> when the response was a full 200 to a GET and the
    /// <paramref name="downloads"/> deduplicator counts this client for this file today.
    /// </summary>
    private sealed class CountedResult(IResult inner, long fileId, DownloadDeduplicator downloads, Func<Task> onCounted) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await inner.ExecuteAsync(httpContext);
            if (httpContext.Response.StatusCode == StatusCodes.Status200OK && HttpMethods.IsGet(httpContext.Request.Method)
                && !httpContext.RequestAborted.IsCancellationRequested && downloads.ShouldCount(httpContext, fileId))
            {
                await onCounted();
            }
        }
    }

    /// <summary><c>inline|attachment; filename="ascii"; filename*=UTF-8''percent-encoded</c> (RFC 6266 and 5987).</summary>
    internal static string ContentDisposition(string path, string contentType)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        return $"{(IsInline(contentType) ? "inline" : "attachment")}; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
