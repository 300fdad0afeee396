using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.History;

public static class HistoryModule
{
    public static IServiceCollection AddHistoryModule(this IServiceCollection services)
    {
        return services;
    }
}
