using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>Submit (a complete item, along the review path of its unit, as a new round) and withdraw before review.</summary>
internal sealed class SubmissionHandler(
    DbContext db,
    IContentManager contents,
    IOrganizationService organizations,
    ReviewPaths reviewPaths,
    IContentKindRules kinds,
    IStringLocalizer<EditorialResources> T) : IWorkflowActionHandler
{
    public IReadOnlyCollection<WorkflowAction> Actions { get; } = [WorkflowAction.Submit, WorkflowAction.Withdraw];

    public Task<WorkflowOutcome?> ApplyAsync(WorkflowActionContext context, CancellationToken ct)
    {
        if (context.Command.Action == WorkflowAction.Submit)
        {
            return SubmitAsync(context, ct);
        }

        context.Record!.Step = 1;
        context.Record.ReviewOrganizationId = null;
        return Task.FromResult<WorkflowOutcome?>(null);
    }

    private async Task<WorkflowOutcome?> SubmitAsync(WorkflowActionContext context, CancellationToken ct)
    {
        var item = context.Item;
        var errors = await contents.ValidateAsync(item, ct);
        if (errors.Count > 0)
        {
            return new(WorkflowOutcomeKind.Invalid, T["The item cannot be submitted until it is complete: {0}", string.Join(" ", errors.Select(e => e.Message))]);
        }

        var record = context.Record;
        if (record is null)
        {
            record = new SubmissionRecord { ContentItemId = item.ContentItemId };
            db.Set<SubmissionRecord>().Add(record);
            context.Record = record;
        }

        var path = await reviewPaths.GetAsync(item.OrganizationId, ct);
        record.ContentType = item.ContentType;
        record.OrganizationId = item.OrganizationId ?? "";
        record.DistrictId = (await organizations.GetDistrictAsync(record.OrganizationId, ct))?.Id;
        record.ReviewPath = string.Join('|', path);
        record.Step = 2;
        record.ReviewOrganizationId = path[0];
        record.SubmittedByUserId = context.Scope.UserId;
        record.SubmittedByUserName = context.Scope.UserName;
        record.OwnerUserId = item.Owner;
        record.PreviousSubmittedVersionId = record.SubmittedVersionId;
        record.SubmittedVersionId = item.ContentItemVersionId;
        record.ClaimedByUserId = null;
        record.ClaimedByUserName = null;
        record.ApprovedLevel = null;
        record.Round++;
        record.SubmittedUtc = context.Now;
        record.StepEnteredUtc = context.Now;
        record.SchoolYearTermId = Terms(item, context.Type, "tax-school-years").FirstOrDefault();
        record.CriteriaTermIds = string.Join('|', Terms(item, context.Type, "tax-criteria").Distinct());
        return null;
    }

    /// <summary>The terms of a taxonomy chosen in any field of the item (the taxonomy named by the field's settings or value).</summary>
    private IEnumerable<string> Terms(ContentItem item, ContentTypeDefinition type, string taxonomyId)
        => kinds.TermsOf(item, type).Where(f => f.Terms.TaxonomyContentItemId == taxonomyId).SelectMany(f => f.Terms.TermContentItemIds);
}
