namespace ChuyenDe.Modules.Media.Images;

/// <summary>The image formats the pipeline reads and writes back.</summary>
public enum ImageFileFormat
{
    Jpeg,
    Png,
    Webp,
    Gif,
}

/// <summary>The formats derivatives are made in.</summary>
public enum ImageFormatKind
{
    Jpeg,
    Webp,
}

/// <summary>The fixed derivative sizes (longer side; see <see cref="ImageOptions"/>).</summary>
public enum ImageSize
{
    Thumbnail,
    Card,
    Full,
}

/// <summary>What the header of an image says, read without decoding the pixels.</summary>
public sealed record ImageInspection(ImageFileFormat Format, string ContentType, int Width, int Height, int FrameCount, long Length);

/// <summary>A cached derivative on disk.</summary>
public sealed record DerivativeFile(string PhysicalPath, string ContentType, long Length, string ETag, DateTimeOffset LastModified);

/// <summary>
/// Safe handling of uploaded images: limits against decompression bombs, orientation applied, every metadata profile
/// (EXIF with GPS, XMP, IPTC, ICC) removed from each copy written, derivatives made once and cached.
/// Bad or hostile input throws <see cref="ImageRejectedException"/> and nothing else.
/// </summary>
public interface IImageProcessor
{
    /// <summary>Reads format and size from the header (no decode) and checks the limits and that the file is complete.</summary>
    Task<ImageInspection> InspectAsync(Stream input, CancellationToken ct = default);

    /// <summary>
    /// Decodes within the limits, applies the EXIF orientation, removes all metadata and re-encodes in the same format.
    /// Nothing is written to <paramref name="output"/> unless the whole image was processed.
    /// </summary>
    Task SanitizeAsync(Stream input, Stream output, CancellationToken ct = default);

    /// <summary>The derivative of a media library file, made on first use and cached; null when there is no such file.</summary>
    Task<DerivativeFile?> GetDerivativeAsync(string mediaPath, ImageSize size, ImageFormatKind format, CancellationToken ct = default);
}
