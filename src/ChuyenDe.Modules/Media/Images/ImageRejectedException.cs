namespace ChuyenDe.Modules.Media.Images;

/// <summary>Why an image was refused; stable codes for callers and messages.</summary>
public enum ImageRejectionCode
{
    TooLarge,
    TooManyPixels,
    Unreadable,
    Truncated,
    TooSlow,
    UnsupportedFormat,
}

/// <summary>The only exception the image pipeline throws for a bad or hostile image.</summary>
public sealed class ImageRejectedException : Exception
{
    public ImageRejectedException(ImageRejectionCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public ImageRejectionCode Code { get; }

    /// <summary>The width and height read from the header, when known (for <see cref="ImageRejectionCode.TooManyPixels"/>).</summary>
    public int? Width { get; init; }

    public int? Height { get; init; }
}
