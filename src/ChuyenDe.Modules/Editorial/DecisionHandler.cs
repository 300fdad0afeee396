using ChuyenDe.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>
/// A curator's decisions: forward to the next level, approve, return to the author or reject (with reasons), and
/// publish (the workflow publishes through the content manager once the transition is recorded).
/// </summary>
internal sealed class DecisionHandler(DbContext db, IOrganizationService organizations, IStringLocalizer<EditorialResources> T)
    : IWorkflowActionHandler
{
    public IReadOnlyCollection<WorkflowAction> Actions { get; } =
        [WorkflowAction.Forward, WorkflowAction.Approve, WorkflowAction.Return, WorkflowAction.Reject, WorkflowAction.Publish];

    public async Task<WorkflowOutcome?> ApplyAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var record = context.Record!;
        switch (context.Command.Action)
        {
            case WorkflowAction.Forward:
                // The reviewers the district assigned worked for the district's step; the next unit assigns its own.
                foreach (var assignment in await db.Set<ReviewAssignmentRecord>()
                             .Where(a => a.ContentItemId == record.ContentItemId && a.Round == record.Round && a.Active).ToListAsync(ct))
                {
                    assignment.Active = false;
                }

                record.Step++;
                record.ReviewOrganizationId = record.ReviewOrganizations[record.Step - 2];
                record.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                record.StepEnteredUtc = context.Now;
                break;

            case WorkflowAction.Approve:
            {
                var level = await organizations.GetAsync(record.ReviewOrganizationId ?? "", ct);
                record.ApprovedLevel = level?.Kind == OrganizationKind.Department ? "Province" : "District";
                break;
            }

            case WorkflowAction.Return:
            case WorkflowAction.Reject:
                if (context.Reasons is null)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Choose or write at least one reason."]);
                }

                record.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                record.ApprovedLevel = null;
                if (context.Command.Action == WorkflowAction.Return)
                {
                    record.Step = 1;
                    record.ReviewOrganizationId = null;
                }

                break;
        }

        return null;
    }
}
