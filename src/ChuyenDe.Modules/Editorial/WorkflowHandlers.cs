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

/// <summary>Nobody changes or deletes an item while it is submitted, in review or approved and waiting to be published.</summary>
internal sealed class WorkflowChangeGuard(DbContext db, IStringLocalizer<EditorialResources> T) : IContentChangeGuard
{
    public async Task<string?> GetBlockReasonAsync(string contentItemId, ContentActor actor, CancellationToken ct)
    {
        var record = await db.Set<SubmissionRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, ct);
        if (record is null || !WorkflowRules.Locked.Contains(record.State))
        {
            return null;
        }

        return record.State == SubmissionState.Approved
            ? T["“{0}” has been approved and waits to be published: it cannot be changed now.", record.DisplayText]
            : T["“{0}” is being reviewed (step {1}/{2}): it cannot be changed until it is returned or withdrawn.", record.DisplayText, record.Step, record.TotalSteps];
    }
}

/// <summary>Keeps the workflow state in step with what happens to the content (publishing, unpublishing, discarding).</summary>
internal sealed class WorkflowContentEvents(DbContext db, TimeProvider clock) : IContentEventHandler
{
    public async Task PublishedAsync(ContentEvent e, CancellationToken ct)
    {
        var record = await db.Set<SubmissionRecord>().FirstOrDefaultAsync(r => r.ContentItemId == e.Item.ContentItemId, ct);
        if (record is null || record.State == SubmissionState.Published)
        {
            return;
        }

        // Approved and published by the scheduler, or published directly by a curator of a reviewing unit (the review
        // page's own publishing has already moved the record): the item's history shows who published it.
        db.Set<SubmissionTransitionRecord>().Add(new SubmissionTransitionRecord
        {
            ContentItemId = record.ContentItemId,
            Round = record.Round,
            Action = WorkflowAction.Publish,
            FromState = record.State,
            ToState = SubmissionState.Published,
            Step = record.Step,
            ActorUserId = e.Actor.UserId,
            ActorUserName = e.Actor.UserName,
            VersionId = e.Item.ContentItemVersionId,
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
        });
        record.State = SubmissionState.Published;
        record.ClaimedByUserId = null;
        record.ClaimedByUserName = null;
        record.DisplayText = e.Item.DisplayText;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
    }

    public async Task UnpublishedAsync(ContentEvent e, CancellationToken ct)
    {
        var record = await db.Set<SubmissionRecord>().FirstOrDefaultAsync(r => r.ContentItemId == e.Item.ContentItemId, ct);
        if (record is not { State: SubmissionState.Published })
        {
            return;
        }

        record.State = SubmissionState.Draft;
        record.Step = 1;
        record.ReviewOrganizationId = null;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
    }

    public async Task DraftDiscardedAsync(ContentEvent e, CancellationToken ct)
    {
        var record = await db.Set<SubmissionRecord>().FirstOrDefaultAsync(r => r.ContentItemId == e.Item.ContentItemId, ct);
        if (record is null || WorkflowRules.Locked.Contains(record.State) || record.State == SubmissionState.Published)
        {
            return;
        }

        // The draft that was returned, withdrawn or rejected is gone; the published version is current again.
        record.State = SubmissionState.Published;
        record.Step = 1;
        record.ReviewOrganizationId = null;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
    }
}
