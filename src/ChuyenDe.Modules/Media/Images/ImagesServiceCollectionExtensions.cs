using ChuyenDe.Modules.Media.Images;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Media;

public static class ImagesServiceCollectionExtensions
{
    /// <summary>The image pipeline (<see cref="IImageProcessor"/>), with <see cref="ImageOptions"/> from <c>ChuyenDe:Media:Images</c>.</summary>
    public static IServiceCollection AddMediaImages(this IServiceCollection services)
    {
        services.AddOptions<ImageOptions>().BindConfiguration(ImageOptions.SectionName)
            .Validate(o => o.MaxBytes > 0 && o.MaxPixels > 0 && o.MaxDecodeSeconds > 0 && o.MaxConcurrentDecodes > 0
                           && o.JpegQuality is >= 1 and <= 100 && o.WebpQuality is >= 1 and <= 100
                           && o.ThumbnailSize > 0 && o.CardSize > 0 && o.FullSize > 0,
                "ChuyenDe:Media:Images: limits, sizes and qualities must be positive (qualities 1–100).")
            .ValidateOnStart();
        services.AddSingleton<IImageProcessor, ImageProcessor>();
        return services;
    }
}
