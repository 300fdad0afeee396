using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Media.Text;

public static class MediaTextServices
{
    /// <summary><see cref="IMediaTextExtractor"/>, with <see cref="MediaTextOptions"/> bound from <c>ChuyenDe:Media:Text</c>.</summary>
    public static IServiceCollection AddMediaTextExtraction(this IServiceCollection services)
    {
        services.AddOptions<MediaTextOptions>().BindConfiguration(MediaTextOptions.Section);
        services.AddSingleton<IMediaTextExtractor, MediaTextExtractor>();
        return services;
    }
}
