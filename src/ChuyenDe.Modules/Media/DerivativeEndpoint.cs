using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media.Images;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// Serves <c>/media/_anh/{size}/{format}/{path}</c>: the derivatives of a library image (size <c>nho</c> thumbnail,
/// <c>the</c> card, <c>lon</c> full; format <c>webp</c> or <c>jpg</c>), made once by <see cref="IImageProcessor"/> with
/// every metadata profile removed. Same access rule as the original file (<see cref="MediaAccess"/>) and the same
/// answer (<see cref="MediaFileEndpoint.Send"/>): a strong ETag and Last-Modified (304), ranges (206 and 416), five
/// minutes of public caching with revalidation for public files and none for the others, nosniff and the sandboxing
/// Content-Security-Policy of originals. An unknown size or format, a file that is not an image, and an image
/// the pipeline refuses are all 404.
/// </summary>
public static class DerivativeEndpoint
{
    public const string Prefix = "/media/_anh";

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif" };

    /// <summary>Whether a media path names an image the pipeline makes derivatives of (by its extension).</summary>
    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path));

    /// <summary>The site-relative address of a derivative, each segment of the media path percent-encoded.</summary>
    public static string Url(string mediaPath, ImageSize size, ImageFormatKind format)
        => $"{Prefix}/{Segment(size)}/{Segment(format)}/{string.Join('/', mediaPath.Split('/').Select(Uri.EscapeDataString))}";

    public static string Segment(ImageSize size) => size switch
    {
        ImageSize.Thumbnail => "nho",
        ImageSize.Card => "the",
        ImageSize.Full => "lon",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    public static string Segment(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Webp => "webp",
        ImageFormatKind.Jpeg => "jpg",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    internal static bool TryParseSize(string? segment, out ImageSize size)
    {
        (var known, size) = segment switch
        {
            "nho" => (true, ImageSize.Thumbnail),
            "the" => (true, ImageSize.Card),
            "lon" => (true, ImageSize.Full),
            _ => (false, default),
        };
        return known;
    }

    internal static bool TryParseFormat(string? segment, out ImageFormatKind format)
    {
        (var known, format) = segment switch
        {
            "webp" => (true, ImageFormatKind.Webp),
            "jpg" => (true, ImageFormatKind.Jpeg),
            _ => (false, default),
        };
        return known;
    }

    internal static async Task<IResult> ServeAsync(
        string size,
        string format,
        string? path,
        HttpContext http,
        IImageProcessor images,
        IMediaUsage usages,
        IUserScopeService scopes,
        IContentAuthorizer authorizer,
        IContentManager contents,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = MediaFileEndpoint.PrivateCache;
        headers.XContentTypeOptions = "nosniff";
        if (!TryParseSize(size, out var imageSize) || !TryParseFormat(format, out var imageFormat)
            || path is null || !FileSystemMediaStore.IsSafe(path) || !IsImage(path))
        {
            return Results.NotFound();
        }

        var visibility = await MediaAccess.GetVisibilityAsync(path, http, usages, scopes, authorizer, contents, ct);
        if (visibility == MediaVisibility.Hidden)
        {
            return Results.NotFound();
        }

        DerivativeFile? derivative;
        try
        {
            derivative = await images.GetDerivativeAsync(path, imageSize, imageFormat, ct);
        }
        catch (ImageRejectedException e)
        {
            loggers.CreateLogger(typeof(DerivativeEndpoint)).LogWarning(
                "No {Size} {Format} derivative of media file {Path}: the image was refused ({Code}: {Reason}).",
                imageSize, imageFormat, path, e.Code, e.Message);
            return Results.NotFound();
        }

        if (derivative is null)
        {
            return Results.NotFound();
        }

        FileStream stream;
        try
        {
            stream = new FileStream(derivative.PhysicalPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Results.NotFound();
        }

        return MediaFileEndpoint.Send(http, visibility == MediaVisibility.Public, stream, derivative.ContentType,
            derivative.LastModified, EntityTagHeaderValue.Parse(derivative.ETag));
    }
}
