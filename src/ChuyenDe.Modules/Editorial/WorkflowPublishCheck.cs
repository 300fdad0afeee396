using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// Publishing a type that requires review, for an organisation that has reviewers above it: allowed for the version a
/// curator approved, or directly for a curator of a reviewing unit above the item's own (that is their decision, and the
/// audit trail keeps it), for administrators and for the system itself (recipes). Everyone else (and the scheduler,
/// for unapproved items) must go through the review.
/// </summary>
internal sealed class WorkflowPublishCheck(DbContext db, ReviewPaths paths, IUserScopeService scopes, IStringLocalizer<EditorialResources> T)
    : IContentPublishCheck
{
    public async Task CheckAsync(ContentPublishCheckContext context, CancellationToken ct)
    {
        var item = context.Item;
        if (!WorkflowService.TypeRequiresReview(context.Type))
        {
            return;
        }

        var path = await paths.GetAsync(item.OrganizationId, ct);
        if (path.Count == 0)
        {
            return;
        }

        var record = await db.Set<SubmissionRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId, ct);
        if (record is { State: SubmissionState.Approved } && record.SubmittedVersionId == item.ContentItemVersionId)
        {
            return;
        }

        if (record is not null && WorkflowRules.Locked.Contains(record.State))
        {
            context.Fail("", null, T["The item is being reviewed: it is published from the review page once approved."]);
            return;
        }

        // The system itself (recipes, maintenance) is trusted; the scheduler is not: it publishes only what was approved.
        if (context.Actor == ContentActor.System)
        {
            return;
        }

        if (context.Actor != ContentActor.Scheduler
            && await scopes.GetByIdAsync(context.Actor.UserId, ct) is { } scope
            && (scope.IsAdministrator
                || (scope.Has(WorkflowPermissions.Review) && path.Contains(scope.OrganizationId) && scope.OrganizationId != item.OrganizationId)))
        {
            return;
        }

        context.Fail("", null, T["This item must be submitted for review and approved before it is published."]);
    }
}
