using ChuyenDe.Modules.Caching;
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
        services.AddSingleton<IPermissionProvider, WorkflowPermissions>();
        // A curation shows on its item's page (badge) and on the pages listing curations.
        services.AddPageCacheDependency<CurationRecord>(e => [CacheTags.Curations, CacheTags.Item(e.Entity.ContentItemId)]);
        services.AddReferenceDataDependency<CurationRecord>(_ => [CurationQuery.CacheKey]);
        services.AddScoped<ReviewPaths>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<IReviewHistory, ReviewHistory>();
        services.AddScoped<ReviewerCandidates>();
        services.AddScoped<IWorkflowActionHandler, SubmissionHandler>();
        services.AddScoped<IWorkflowActionHandler, ClaimHandler>();
        services.AddScoped<IWorkflowActionHandler, ReviewerAssignmentHandler>();
        services.AddScoped<IWorkflowActionHandler, AssessmentHandler>();
        services.AddScoped<IWorkflowActionHandler, DecisionHandler>();

        // In this order: the audit entry is written before the notifications, as one transaction with the transition.
        services.AddScoped<IWorkflowEventHandler, WorkflowAuditHandler>();
        services.AddScoped<IWorkflowEventHandler, WorkflowNotificationHandler>();
        services.AddScoped<IContentPublishCheck, WorkflowPublishCheck>();
        services.AddScoped<IContentChangeGuard, WorkflowChangeGuard>();
        services.AddScoped<IContentEventHandler, WorkflowContentEvents>();
        services.AddSingleton<Admin.IAdminMenuProvider, ReviewAdminMenu>();
        Admin.AdminZoneRendering.AddAdminZoneComponent<WorkflowPanelViewComponent>(services, Admin.AdminZones.ContentItem);
        services.AddCuration();
        return services;
    }
}
