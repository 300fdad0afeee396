using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Claim a submission for review, give it back to the queue, or hand it to another curator of the reviewing unit.</summary>
internal sealed class ClaimHandler(ReviewerCandidates candidates, IStringLocalizer<EditorialResources> T) : IWorkflowActionHandler
{
    public IReadOnlyCollection<WorkflowAction> Actions { get; } = [WorkflowAction.Claim, WorkflowAction.Unclaim, WorkflowAction.Reassign];

    public async Task<WorkflowOutcome?> ApplyAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var record = context.Record!;
        var scope = context.Scope;
        switch (context.Command.Action)
        {
            case WorkflowAction.Claim:
                record.ClaimedByUserId = scope.UserId;
                record.ClaimedByUserName = scope.UserName;
                break;

            case WorkflowAction.Unclaim:
                record.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                break;

            default:
            {
                var target = context.Command.TargetUserId == scope.UserId ? null
                    : await candidates.FindAsync(context.Command.TargetUserId, WorkflowPermissions.Review, record, exactOrganization: true, ct);
                if (target is null)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Choose a curator of the reviewing unit to hand the submission to."]);
                }

                record.ClaimedByUserId = target.Value.Id;
                record.ClaimedByUserName = target.Value.Name;
                (context.TargetUserId, context.TargetUserName) = target.Value;
                break;
            }
        }

        return null;
    }
}
