using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Media.Images;

namespace ChuyenDe.Modules.Fields;

/// <summary>
/// The addresses of an image's derivatives (<c>/media/_anh/…</c>) and the widths they are made at (the longer side, the
/// width of a landscape image), for <c>srcset</c> and the <c>width</c>/<c>height</c> of the 3:2 frames cards and
/// galleries crop them to.
/// </summary>
public sealed record ImageDerivatives(
    string ThumbnailWebp,
    string ThumbnailJpeg,
    string CardWebp,
    string CardJpeg,
    string FullJpeg,
    int ThumbnailWidth,
    int CardWidth)
{
    /// <summary>The height of the 3:2 frame at card width.</summary>
    public int CardHeight => (int)Math.Round(CardWidth * 2 / 3.0, MidpointRounding.AwayFromZero);

    public string WebpSrcset => FormattableString.Invariant($"{ThumbnailWebp} {ThumbnailWidth}w, {CardWebp} {CardWidth}w");

    public string JpegSrcset => FormattableString.Invariant($"{ThumbnailJpeg} {ThumbnailWidth}w, {CardJpeg} {CardWidth}w");

    public static ImageDerivatives For(string mediaPath, ImageOptions options) => new(
        DerivativeEndpoint.Url(mediaPath, ImageSize.Thumbnail, ImageFormatKind.Webp),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Thumbnail, ImageFormatKind.Jpeg),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Card, ImageFormatKind.Webp),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Card, ImageFormatKind.Jpeg),
        DerivativeEndpoint.Url(mediaPath, ImageSize.Full, ImageFormatKind.Jpeg),
        options.ThumbnailSize,
        options.CardSize);
}
