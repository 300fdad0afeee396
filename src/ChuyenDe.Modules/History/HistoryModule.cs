using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.History;

public static class HistoryModule
{
    /// <summary>Version history of content items: list, field-by-field comparison, restore as a new draft.</summary>
    public static IServiceCollection AddHistoryModule(this IServiceCollection services)
    {
        services.AddScoped<IVersionComparer, VersionComparer>();
        return services;
    }
}
