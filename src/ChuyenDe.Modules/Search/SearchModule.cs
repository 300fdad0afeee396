using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Search;

public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services)
    {
        return services;
    }
}
