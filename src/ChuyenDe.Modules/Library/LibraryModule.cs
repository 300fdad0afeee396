using ChuyenDe.Modules.Fields;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Library;

/// <summary>Marker for the public site's UI strings (<c>LibraryResources.vi.resx</c>).</summary>
public sealed class LibraryResources;

public static class LibraryModule
{
    /// <summary>The public site: pages, lists, the library and item pages (shown through the Fields module's display builder, with the curations' badges).</summary>
    public static IServiceCollection AddLibraryModule(this IServiceCollection services)
    {
        services.AddScoped<IContentBadgeSource, CurationBadges>();
        services.AddScoped<CuratedLists>();
        services.AddScoped<News.NewsCategories>();
        services.AddScoped<Events.EventCalendar>();
        services.AddScoped<Documents.OfficialDocumentList>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PublicAddresses>();
        services.AddScoped<StructuredData.ItemStructuredData>();
        services.AddScoped<ItemPageModels>();
        services.AddScoped<CardModels>();
        services.TryAddSingleton<Caching.FragmentCache>();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<Contents.IReservedPaths, SiteReservedPaths>());
        return services;
    }
}
