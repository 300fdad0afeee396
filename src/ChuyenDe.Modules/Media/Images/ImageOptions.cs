namespace ChuyenDe.Modules.Media.Images;

/// <summary>Limits and settings of the image pipeline, bound from <c>ChuyenDe:Media:Images</c>.</summary>
public sealed class ImageOptions
{
    public const string SectionName = "ChuyenDe:Media:Images";

    /// <summary>Largest image file accepted, in bytes (default 50 MB).</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest pixel count (width × height, summed over the frames of an animation); default 40 megapixels.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Longest time one decode (and its processing) may take, in seconds.</summary>
    public double MaxDecodeSeconds { get; set; } = 10;

    /// <summary>How many images are decoded at the same time; others wait (the wait does not count as decode time).</summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    public int JpegQuality { get; set; } = 82;

    public int WebpQuality { get; set; } = 80;

    /// <summary>Longer side of the thumbnail derivative, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 320;

    public int CardSize { get; set; } = 640;

    public int FullSize { get; set; } = 1600;

    public int PixelsFor(ImageSize size) => size switch
    {
        ImageSize.Thumbnail => ThumbnailSize,
        ImageSize.Card => CardSize,
        ImageSize.Full => FullSize,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    /// <summary>
    /// The memory allocator's limit for one buffer: enough for the largest allowed frame at 8 bytes a pixel, at least 64 MB.
    /// It is the backstop behind the pixel-count check, which refuses bombs before anything is allocated.
    /// </summary>
    internal int AllocationLimitMegabytes => (int)Math.Clamp(MaxPixels * 8 / (1024 * 1024) + 1, 64, int.MaxValue);
}
