using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Media.Uploads;

public static class MediaUploadServices
{
    /// <summary>
    /// <see cref="UploadValidator"/> and <see cref="FileTypeDetector"/>, with <see cref="MediaUploadOptions"/> bound from
    /// <c>ChuyenDe:Media:Uploads</c>. Needs <c>AddLocalization()</c> (the host calls it).
    /// </summary>
    public static IServiceCollection AddMediaUploads(this IServiceCollection services)
    {
        services.AddOptions<MediaUploadOptions>().BindConfiguration(MediaUploadOptions.Section);
        services.AddSingleton<FileTypeDetector>();
        services.AddSingleton<UploadValidator>();
        return services;
    }
}
