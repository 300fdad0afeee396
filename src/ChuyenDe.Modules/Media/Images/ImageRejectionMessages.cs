using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Media.Images;

/// <summary>The user-facing message for each <see cref="ImageRejectionCode"/> (English keys, translated in <c>MediaResources.vi.resx</c>).</summary>
public static class ImageRejectionMessages
{
    public const string TooLarge = "The image {0} is larger than {1} MB.";
    public const string TooManyPixels = "The image {0} has too many pixels ({1} × {2}); at most {3} megapixels are allowed.";
    public const string TooManyPixelsUnknownSize = "The image {0} has too many pixels; at most {1} megapixels are allowed.";
    public const string Damaged = "The image {0} is damaged or incomplete.";
    public const string TooSlow = "The image {0} takes too long to process.";
    public const string UnsupportedFormat = "The file {0} is not a supported image (JPEG, PNG, WebP or GIF).";

    /// <summary>Every key, for checking the translations.</summary>
    public static IReadOnlyList<string> AllKeys { get; } = [TooLarge, TooManyPixels, TooManyPixelsUnknownSize, Damaged, TooSlow, UnsupportedFormat];

    /// <summary>The message naming the file and the reason, in the localizer's culture.</summary>
    public static string For(IStringLocalizer localizer, ImageRejectedException rejection, string fileName, ImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentNullException.ThrowIfNull(options);
        var megabytes = (options.MaxBytes / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture);
        var megapixels = (options.MaxPixels / 1_000_000d).ToString("0.#", CultureInfo.CurrentCulture);
        return rejection.Code switch
        {
            ImageRejectionCode.TooLarge => localizer[TooLarge, fileName, megabytes],
            ImageRejectionCode.TooManyPixels when rejection is { Width: { } w, Height: { } h } => localizer[TooManyPixels, fileName, w, h, megapixels],
            ImageRejectionCode.TooManyPixels => localizer[TooManyPixelsUnknownSize, fileName, megapixels],
            ImageRejectionCode.TooSlow => localizer[TooSlow, fileName],
            ImageRejectionCode.UnsupportedFormat => localizer[UnsupportedFormat, fileName],
            _ => localizer[Damaged, fileName],
        };
    }
}
