using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Definitions;

public static class DefinitionsModule
{
    public static IServiceCollection AddDefinitionsModule(this IServiceCollection services)
    {
        return services;
    }
}
