using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Editorial;

public static class EditorialModule
{
    public static IServiceCollection AddEditorialModule(this IServiceCollection services)
    {
        return services;
    }
}
