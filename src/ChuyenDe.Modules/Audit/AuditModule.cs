using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Audit;

public static class AuditModule
{
    /// <summary>
    /// The append-only audit trail: <see cref="IAuditTrail"/> for the other modules, the content events recorded,
    /// and the page <c>/admin/nhat-ky</c> with its CSV export.
    /// </summary>
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        // Idempotent: a second call (a test host adding the module again) must not record every content event twice.
        services.TryAddScoped<IAuditTrail, AuditTrail>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IContentEventHandler, AuditContentEvents>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermissionProvider, AuditPermissions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdminMenuProvider, AuditAdminMenu>());
        return services;
    }
}

internal sealed class AuditAdminMenu(IStringLocalizer<AuditResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["System"], T["Audit trail"], "/admin/nhat-ky", AuditPermissions.ViewAuditTrail, 940),
    ];
}
