using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Assign a reviewer of the reviewing unit (or below it) to assess the submission, or take the assignment back.</summary>
internal sealed class ReviewerAssignmentHandler(DbContext db, ReviewerCandidates candidates, IStringLocalizer<EditorialResources> T)
    : IWorkflowActionHandler
{
    public IReadOnlyCollection<WorkflowAction> Actions { get; } = [WorkflowAction.AssignReviewer, WorkflowAction.UnassignReviewer];

    public Task<WorkflowOutcome?> ApplyAsync(WorkflowActionContext context, CancellationToken ct)
        => context.Command.Action == WorkflowAction.AssignReviewer ? AssignAsync(context, ct) : UnassignAsync(context, ct);

    private async Task<WorkflowOutcome?> AssignAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var record = context.Record!;
        var item = context.Item;
        var target = await candidates.FindAsync(context.Command.TargetUserId, WorkflowPermissions.Assess, record, exactOrganization: false, ct);
        if (target is null)
        {
            return new(WorkflowOutcomeKind.Invalid, T["Choose a reviewer of the reviewing unit."]);
        }

        var assignments = db.Set<ReviewAssignmentRecord>();
        if (await assignments.AnyAsync(a => a.ContentItemId == item.ContentItemId && a.Round == record.Round && a.Active && a.ReviewerUserId == target.Value.Id, ct))
        {
            return new(WorkflowOutcomeKind.Invalid, T["{0} is already assigned to this submission.", target.Value.Name]);
        }

        assignments.Add(new ReviewAssignmentRecord
        {
            ContentItemId = item.ContentItemId,
            Round = record.Round,
            ReviewerUserId = target.Value.Id,
            ReviewerUserName = target.Value.Name,
            AssignedByUserId = context.Scope.UserId,
            AssignedUtc = context.Now,
        });
        (context.TargetUserId, context.TargetUserName) = target.Value;
        return null;
    }

    private async Task<WorkflowOutcome?> UnassignAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var record = context.Record!;
        var itemId = context.Item.ContentItemId;
        var reviewerId = context.Command.TargetUserId;
        var assignment = await db.Set<ReviewAssignmentRecord>().FirstOrDefaultAsync(a =>
            a.ContentItemId == itemId && a.Round == record.Round && a.Active && a.ReviewerUserId == reviewerId, ct);
        if (assignment is null)
        {
            return new(WorkflowOutcomeKind.Invalid, T["That reviewer is not assigned to this submission."]);
        }

        assignment.Active = false;
        (context.TargetUserId, context.TargetUserName) = (assignment.ReviewerUserId, assignment.ReviewerUserName);
        return null;
    }
}
