using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        return services;
    }
}
