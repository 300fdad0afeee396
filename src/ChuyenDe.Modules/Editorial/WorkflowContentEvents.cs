using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Editorial;

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
