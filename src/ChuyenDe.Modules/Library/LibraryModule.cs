using ChuyenDe.Modules.Library.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Library;

/// <summary>Marker for the public site's UI strings (<c>LibraryResources.vi.resx</c>).</summary>
public sealed class LibraryResources;

public static class LibraryModule
{
    /// <summary>The public site: pages, lists, the library and item pages.</summary>
    public static IServiceCollection AddLibraryModule(this IServiceCollection services)
    {
        services.AddSingleton<IContentHtmlRenderer, ContentHtmlRenderer>();
        services.AddScoped<IContentDisplayBuilder, ContentDisplayBuilder>();
        services.Replace(ServiceDescriptor.Singleton<Contents.IReservedPaths, SiteReservedPaths>());
        return services;
    }
}
