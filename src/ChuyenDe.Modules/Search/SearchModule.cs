using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Search;

public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = new SearchOptions();
            sp.GetRequiredService<IConfiguration>().GetSection(SearchOptions.Section).Bind(options);
            return options;
        });
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SearchOptions>();
            var folder = string.IsNullOrWhiteSpace(options.IndexFolder)
                ? sp.GetRequiredService<DataOptions>().IndexFolder
                : Path.GetFullPath(options.IndexFolder, sp.GetRequiredService<DataOptions>().DataFolder);
            return new SearchIndexer(sp.GetRequiredService<IServiceScopeFactory>(), folder, options,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<SearchIndexer>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ISearchIndexMaintenance>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddScoped<ISearchIndexStatus, SearchIndexStatus>();
        services.AddHostedService(sp => new SearchIndexingService(
            sp.GetRequiredService<SearchIndexer>(), sp.GetRequiredService<SearchIndexSignal>(), sp.GetRequiredService<SearchOptions>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<SearchIndexingService>()));
        services.AddScoped<SearchIndexingTaskWriter>();
        services.AddScoped<IContentEventHandler>(sp => sp.GetRequiredService<SearchIndexingTaskWriter>());
        services.AddScoped<ISearchIndexQueue>(sp => sp.GetRequiredService<SearchIndexingTaskWriter>());
        services.AddScoped<SearchDocumentBuilder>();
        services.AddScoped<ISearchService, SearchService>();
        services.AddScoped<SearchPageBuilder>();
        // Media's contract for the text of documents; registered here until Media registers it itself.
        services.TryAddScoped<IMediaTextLookup, MediaTextLookup>();
        services.AddSingleton<IPermissionProvider, SearchPermissions>();
        services.AddSingleton<Admin.IAdminMenuProvider, SearchAdminMenu>();
        return services;
    }
}
