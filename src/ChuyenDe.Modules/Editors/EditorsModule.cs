using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Editors;

public static class EditorsModule
{
    public static IServiceCollection AddEditorsModule(this IServiceCollection services)
    {
        return services;
    }
}
