using ChuyenDe.Modules.Audit;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Writes each transition to the audit trail: the verb, the item, the versions, the reasons, the states and step.</summary>
internal sealed class WorkflowAuditHandler(IEnumerable<IAuditTrail> audits, IStringLocalizer<EditorialResources> T) : IWorkflowEventHandler
{
    public async Task TransitionedAsync(WorkflowTransitionEvent e, CancellationToken ct)
    {
        var (action, transition, item, record, _) = e;
        foreach (var audit in audits)
        {
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Workflow,
                Action = AuditAction(action),
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                Subject = item.DisplayText,
                OrganizationId = item.OrganizationId,
                VersionBefore = record.PreviousSubmittedVersionId is { } previous && action == WorkflowAction.Submit ? previous : null,
                VersionAfter = transition.VersionId,
                Reasons = transition.Reasons,
                Details = $"{T["State:" + transition.FromState]} → {T["State:" + transition.ToState]}; {T["step {0}/{1}", record.Step, record.TotalSteps]}"
                    + (transition.TargetUserName is { } target ? $"; {target}" : ""),
            }, ct);
        }
    }

    /// <summary>The audit trail's verb for a transition.</summary>
    public static string AuditAction(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => AuditActions.Submitted,
        WorkflowAction.Withdraw => AuditActions.Withdrawn,
        WorkflowAction.Claim => AuditActions.Claimed,
        WorkflowAction.Unclaim => AuditActions.Unclaimed,
        WorkflowAction.Reassign => AuditActions.Reassigned,
        WorkflowAction.AssignReviewer => AuditActions.Assigned,
        WorkflowAction.UnassignReviewer => AuditActions.Unassigned,
        WorkflowAction.Assess => AuditActions.Assessed,
        WorkflowAction.Forward => AuditActions.Forwarded,
        WorkflowAction.Approve => AuditActions.Approved,
        WorkflowAction.Return => AuditActions.Returned,
        WorkflowAction.Reject => AuditActions.Rejected,
        WorkflowAction.Publish => AuditActions.Published,
        _ => action.ToString(),
    };
}
