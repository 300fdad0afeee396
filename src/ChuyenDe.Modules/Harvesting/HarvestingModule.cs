using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>Marker for the harvesting strings (<c>HarvestingResources.vi.resx</c>).</summary>
public sealed class HarvestingResources;

public static class HarvestingModule
{
    /// <summary>OAI-PMH 2.0 at <c>/oai</c> with Dublin Core records of the library's published items and tombstones of the withdrawn ones.</summary>
    public static IServiceCollection AddHarvestingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HarvestingOptions>(configuration.GetSection(HarvestingOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<OaiSets>();
        services.AddScoped<OaiRecordSource>();
        services.AddScoped<DublinCoreMapper>();
        services.AddScoped<OaiRepository>();
        services.AddScoped<IContentEventHandler, TombstoneRecorder>();
        return services;
    }
}
