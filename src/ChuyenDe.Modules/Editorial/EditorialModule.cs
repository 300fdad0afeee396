using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Marker for the Editorial module's UI strings (<c>EditorialResources.vi.resx</c>).</summary>
public sealed class EditorialResources;

public static class EditorialModule
{
    public static IServiceCollection AddEditorialModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPermissionProvider, EditorialPermissions>();
        services.AddScoped<ReviewPaths>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<IContentPublishCheck, WorkflowPublishCheck>();
        services.AddScoped<IContentChangeGuard, WorkflowChangeGuard>();
        services.AddScoped<IContentEventHandler, WorkflowContentEvents>();
        services.AddSingleton<Admin.IAdminMenuProvider, ReviewAdminMenu>();
        Admin.AdminZoneRendering.AddAdminZoneComponent<WorkflowPanelViewComponent>(services, Admin.AdminZones.ContentItem);
        services.AddCuration();
        return services;
    }
}
