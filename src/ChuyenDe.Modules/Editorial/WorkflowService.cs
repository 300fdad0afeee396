using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>A request to move a submission, with what the form carried.</summary>
public sealed record WorkflowCommand(string ContentItemId, WorkflowAction Action)
{
    /// <summary>The concurrency stamp of the state the user saw; a different current stamp means someone acted first.</summary>
    public string? Stamp { get; init; }

    public IReadOnlyList<string> ReasonCodes { get; init; } = [];
    public string? ReasonText { get; init; }
    public string? TargetUserId { get; init; }
    public IReadOnlyDictionary<string, int> Ratings { get; init; } = new Dictionary<string, int>();
    public string? Comment { get; init; }

    /// <summary>Approve and publish in one step.</summary>
    public bool AndPublish { get; init; }
}

public enum WorkflowOutcomeKind
{
    Done,
    NotFound,
    Denied,
    Conflict,
    Invalid,
}

public sealed record WorkflowOutcome(WorkflowOutcomeKind Kind, string Message)
{
    public bool Succeeded => Kind == WorkflowOutcomeKind.Done;
}

/// <summary>An item as the workflow sees it for one user.</summary>
public sealed record WorkflowContext(
    ContentItem Item,
    ContentTypeDefinition Type,
    SubmissionRecord? Record,
    WorkflowSubject Subject,
    IReadOnlyList<string> ReviewPath,
    bool RequiresReview)
{
    public SubmissionState State => Subject.State;
}

/// <summary>A predefined reason a curator may choose when returning or rejecting.</summary>
public static class ReturnReasons
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "IncompleteDescription", "MissingEvidence", "NotChildCentred", "WrongClassification", "ConsentOrPrivacy",
        "LicenseUnclear", "Duplicate", "Presentation",
    ];
}

/// <summary>
/// Applies the editorial workflow: checks <see cref="WorkflowRules"/> on the server for every transition, lets the
/// <see cref="IWorkflowActionHandler"/> of the action change the submission, stores the new state with optimistic
/// concurrency and records the transition, then tells the <see cref="IWorkflowEventHandler"/>s (audit trail,
/// notifications), all in one transaction; publishes through the content manager when a curator publishes. A refused
/// action rolls back without an exception; a concurrent change answers <see cref="WorkflowOutcomeKind.Conflict"/>.
/// Reading the queue is <see cref="ReviewQueue"/>'s job, finding curators and reviewers <see cref="ReviewerCandidates"/>'.
/// </summary>
public sealed class WorkflowService(
    DbContext db,
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentAuthorizer authorizer,
    ReviewPaths reviewPaths,
    IEnumerable<IWorkflowActionHandler> actionHandlers,
    IEnumerable<IWorkflowEventHandler> eventHandlers,
    ReviewerCandidates candidates,
    ReviewQueue queue,
    TimeProvider clock,
    IStringLocalizer<EditorialResources> T)
{
    public const int MaxReasonLength = 4000;
    public const int MaxCommentLength = 4000;

    private IReadOnlyDictionary<WorkflowAction, IWorkflowActionHandler>? _handlers;

    private IReadOnlyDictionary<WorkflowAction, IWorkflowActionHandler> Handlers
        => _handlers ??= actionHandlers.SelectMany(h => h.Actions.Select(a => (Action: a, Handler: h))).ToDictionary(p => p.Action, p => p.Handler);

    public static bool TypeRequiresReview(ContentTypeDefinition type) => type.Flag("WorkflowSettings", "RequiresReview");

    public Task<IReadOnlyList<string>> ReviewPathAsync(string? organizationId, CancellationToken ct = default)
        => reviewPaths.GetAsync(organizationId, ct);

    public Task<SubmissionRecord?> GetRecordAsync(string contentItemId, CancellationToken ct = default)
        => queue.GetRecordAsync(contentItemId, ct);

    /// <summary>The item (latest version) with its workflow state, or null when it does not exist or is outside the scope.</summary>
    public async Task<WorkflowContext?> LoadAsync(string contentItemId, UserScope scope, CancellationToken ct = default)
    {
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest, ct);
        if (item is null || !authorizer.Can(scope, ContentAction.View, item)
            || await definitions.GetTypeDefinitionAsync(item.ContentType, ct) is not { } type)
        {
            return null;
        }

        var record = await queue.GetRecordAsync(contentItemId, ct);
        return await BuildContextAsync(item, type, record, scope, ct);
    }

    private async Task<WorkflowContext> BuildContextAsync(ContentItem item, ContentTypeDefinition type, SubmissionRecord? record, UserScope scope, CancellationToken ct)
    {
        // Under review the path fixed at submission holds, even if the organisation tree changed since.
        var path = record is not null && WorkflowRules.Locked.Contains(record.State) && record.ReviewOrganizations.Count > 0
            ? record.ReviewOrganizations
            : await ReviewPathAsync(item.OrganizationId, ct);
        var published = await contents.GetAsync(item.ContentItemId, VersionOptions.Published, ct);
        var state = record?.State ?? (item.Published ? SubmissionState.Published : SubmissionState.Draft);
        if (state == SubmissionState.Draft && published is not null)
        {
            state = SubmissionState.Published;
        }

        var assigned = record is not null && await db.Set<ReviewAssignmentRecord>().AsNoTracking()
            .AnyAsync(a => a.ContentItemId == item.ContentItemId && a.Round == record.Round && a.Active && a.ReviewerUserId == scope.UserId, ct);
        var subject = new WorkflowSubject
        {
            State = state,
            Step = record?.Step ?? 1,
            TotalSteps = 1 + path.Count,
            ItemOrganizationId = item.OrganizationId,
            ReviewOrganizationId = record?.ReviewOrganizationId,
            OwnerUserId = item.Owner,
            SubmittedByUserId = record?.SubmittedByUserId,
            ClaimedByUserId = record?.ClaimedByUserId,
            HasUnpublishedChanges = published is null || published.ContentItemVersionId != item.ContentItemVersionId,
            ActorMayEditItem = authorizer.Can(scope, ContentAction.Edit, item),
            ActorIsAssignedReviewer = assigned,
        };
        return new WorkflowContext(item, type, record, subject, path, TypeRequiresReview(type) && path.Count > 0);
    }

    public static WorkflowActor ActorOf(UserScope scope) => new(scope.UserId, scope.OrganizationId, scope.IsAdministrator, scope.Permissions);

    /// <summary>The actions the user may take now (for showing buttons; every request is checked again).</summary>
    public IReadOnlyList<WorkflowAction> AllowedActions(WorkflowContext context, UserScope scope)
    {
        if (!context.RequiresReview && context.Record is null)
        {
            return [];
        }

        var actor = ActorOf(scope);
        return Enum.GetValues<WorkflowAction>()
            .Where(a => WorkflowRules.Check(a, context.Subject, actor) == WorkflowDenial.None)
            .Where(a => a != WorkflowAction.Publish || authorizer.Can(scope, ContentAction.Publish, context.Item))
            .ToList();
    }

    public string DenialMessage(WorkflowDenial denial) => denial switch
    {
        WorkflowDenial.NotAllowedInState => T["This action is not possible in the item's current state."],
        WorkflowDenial.NoPermission => T["You do not have the right to do this."],
        WorkflowDenial.NotYourSubmission => T["Only the author can withdraw this submission."],
        WorkflowDenial.NotReviewerOfStep => T["This submission is reviewed by another unit at this step."],
        WorkflowDenial.ClaimedByAnother => T["Another curator has taken this submission for review."],
        WorkflowDenial.OwnSubmission => T["You cannot decide on a submission you wrote or submitted."],
        WorkflowDenial.OwnOrganization => T["You cannot decide on a submission of your own unit."],
        WorkflowDenial.NoNextLevel => T["There is no higher level to forward this submission to."],
        WorkflowDenial.NotAssigned => T["You have not been assigned to assess this submission."],
        WorkflowDenial.NoReviewNeeded => T["Items of this unit or type are published without review."],
        WorkflowDenial.NothingNewToSubmit => T["The published version has no changes to submit."],
        _ => "",
    };

    public async Task<WorkflowOutcome> PerformAsync(WorkflowCommand command, UserScope scope, CancellationToken ct = default)
    {
        try
        {
            // A refusal is an answer, not an exception: it rolls back what the action began.
            return await db.InTransactionAsync(() => PerformInTransactionAsync(command, scope, ct), outcome => outcome.Succeeded, ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent decision (stamp) or a concurrent first submission (unique item) got there first.
            db.ChangeTracker.Clear();
            return Conflict();
        }
    }

    private WorkflowOutcome Conflict() => new(WorkflowOutcomeKind.Conflict,
        T["Someone else acted on this submission while you were looking at it. The page now shows its current state; what you wrote is kept below."]);

    private async Task<WorkflowOutcome> PerformInTransactionAsync(WorkflowCommand command, UserScope scope, CancellationToken ct)
    {
        var item = await contents.GetAsync(command.ContentItemId, VersionOptions.Latest, ct);
        if (item is null || !authorizer.Can(scope, ContentAction.View, item)
            || await definitions.GetTypeDefinitionAsync(item.ContentType, ct) is not { } type)
        {
            return new(WorkflowOutcomeKind.NotFound, T["The item does not exist or is outside your scope."]);
        }

        var record = await db.Set<SubmissionRecord>().FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId, ct);
        if (record is not null && command.Stamp is not null && command.Stamp != record.ConcurrencyStamp)
        {
            return Conflict();
        }

        var context = await BuildContextAsync(item, type, record, scope, ct);
        if (!context.RequiresReview && record is null)
        {
            return new(WorkflowOutcomeKind.Denied, DenialMessage(WorkflowDenial.NoReviewNeeded));
        }

        var actor = ActorOf(scope);
        var denial = WorkflowRules.Check(command.Action, context.Subject, actor);
        if (denial != WorkflowDenial.None)
        {
            return new(WorkflowOutcomeKind.Denied, DenialMessage(denial));
        }

        if (command.Action == WorkflowAction.Publish && !authorizer.Can(scope, ContentAction.Publish, item))
        {
            return new(WorkflowOutcomeKind.Denied, DenialMessage(WorkflowDenial.NoPermission));
        }

        if (record is not null && command.Stamp is not null)
        {
            // Optimistic concurrency: the update only succeeds if nobody changed the row since the user saw it.
            db.Entry(record).Property(r => r.ConcurrencyStamp).OriginalValue = command.Stamp;
        }

        var reasons = ComposeReasons(command);
        if (reasons.Error is { } invalid)
        {
            return new(WorkflowOutcomeKind.Invalid, invalid);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = context.State;
        var applying = new WorkflowActionContext(command, scope, context, reasons.Text, now);
        if (await Handlers[command.Action].ApplyAsync(applying, ct) is { } refused)
        {
            return refused;
        }

        record = applying.Record!;
        var to = WorkflowRules.Target(command.Action, context.Subject);
        record.State = to;
        record.DisplayText = item.DisplayText;
        record.UpdatedUtc = now;
        record.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var transition = new SubmissionTransitionRecord
        {
            ContentItemId = item.ContentItemId,
            Round = record.Round,
            Action = command.Action,
            FromState = from,
            ToState = to,
            Step = record.Step,
            ActorUserId = scope.UserId,
            ActorUserName = scope.UserName,
            ActorOrganizationId = scope.OrganizationId,
            Reasons = reasons.Text ?? (command.Action == WorkflowAction.Assess ? command.Comment?.Trim().Normalize() : null),
            VersionId = item.ContentItemVersionId,
            TargetUserId = applying.TargetUserId,
            TargetUserName = applying.TargetUserName,
            OccurredUtc = now,
        };
        db.Set<SubmissionTransitionRecord>().Add(transition);
        if (command.Action == WorkflowAction.Publish)
        {
            // The publish check reads the stored state (still Approved); the content manager's save flushes ours with it.
            var failed = await PublishApprovedAsync(item.ContentItemId, scope, ct);
            if (failed is not null)
            {
                return failed;
            }
        }

        await db.SaveChangesAsync(ct);

        var transitioned = new WorkflowTransitionEvent(command.Action, transition, item, record, scope);
        foreach (var handler in eventHandlers)
        {
            await handler.TransitionedAsync(transitioned, ct);
        }

        if (command.Action == WorkflowAction.Approve && command.AndPublish)
        {
            return await PerformInTransactionAsync(new WorkflowCommand(item.ContentItemId, WorkflowAction.Publish) { Stamp = record.ConcurrencyStamp }, scope, ct);
        }

        return new(WorkflowOutcomeKind.Done, DoneMessage(command.Action, record));
    }

    /// <summary>Publishes the approved version through the content manager; its publish checks (alt text, consent) still apply.</summary>
    private async Task<WorkflowOutcome?> PublishApprovedAsync(string contentItemId, UserScope scope, CancellationToken ct)
    {
        var result = await contents.PublishLatestAsync(contentItemId, new ContentActor(scope.UserId, scope.UserName), ct);
        return result.Succeeded
            ? null
            : new(WorkflowOutcomeKind.Invalid, T["Nothing was saved. The item could not be published: {0}", string.Join(" ", result.Errors.Select(e => e.Message))]);
    }

    private string DoneMessage(WorkflowAction action, SubmissionRecord record) => action switch
    {
        WorkflowAction.Submit => T["Submitted for review (step {0}/{1}). You can no longer edit it until it is returned or you withdraw it.", record.Step, record.TotalSteps],
        WorkflowAction.Withdraw => T["The submission was withdrawn; you can edit it again."],
        WorkflowAction.Claim => T["You are now reviewing this submission."],
        WorkflowAction.Unclaim => T["The submission is back in the queue."],
        WorkflowAction.Reassign => T["The submission was handed to {0}.", record.ClaimedByUserName ?? ""],
        WorkflowAction.AssignReviewer => T["The reviewer was assigned."],
        WorkflowAction.UnassignReviewer => T["The reviewer was removed from the submission."],
        WorkflowAction.Assess => T["Your assessment was saved."],
        WorkflowAction.Forward => T["Forwarded to the next level (step {0}/{1}).", record.Step, record.TotalSteps],
        WorkflowAction.Approve => T["Approved."],
        WorkflowAction.Return => T["Returned to the author with your reasons."],
        WorkflowAction.Reject => T["Rejected."],
        WorkflowAction.Publish => T["Published: the item is on the public site."],
        _ => "",
    };

    private (string? Text, string? Error) ComposeReasons(WorkflowCommand command)
    {
        var lines = new List<string>();
        foreach (var code in command.ReasonCodes.Distinct(StringComparer.Ordinal))
        {
            if (!ReturnReasons.Codes.Contains(code))
            {
                return (null, T["An unknown reason was chosen."]);
            }

            lines.Add(T["Reason:" + code]);
        }

        var written = command.ReasonText?.Trim().Normalize();
        if (written is { Length: > MaxReasonLength })
        {
            return (null, T["The reason is too long (at most {0} characters).", MaxReasonLength]);
        }

        if (!string.IsNullOrEmpty(written))
        {
            lines.Add(written);
        }

        return (lines.Count == 0 ? null : string.Join("\n", lines), null);
    }

    /// <summary>
    /// Active users who could take the submission (curators) or assess it (reviewers) at its current step: users of the
    /// reviewing unit (or below it, for reviewers) holding a role that grants the permission, who can see the item.
    /// </summary>
    public Task<IReadOnlyList<(string Id, string Name)>> CandidatesAsync(SubmissionRecord record, string permission, bool exactOrganization, CancellationToken ct = default)
        => candidates.ListAsync(record, permission, exactOrganization, ct);

    public Task<IReadOnlyList<SubmissionTransitionRecord>> TransitionsAsync(string contentItemId, CancellationToken ct = default)
        => queue.TransitionsAsync(contentItemId, ct);

    public Task<IReadOnlyList<AssessmentRecord>> AssessmentsAsync(string contentItemId, CancellationToken ct = default)
        => queue.AssessmentsAsync(contentItemId, ct);

    public Task<IReadOnlyList<ReviewAssignmentRecord>> AssignmentsAsync(string contentItemId, int round, CancellationToken ct = default)
        => queue.AssignmentsAsync(contentItemId, round, ct);

    /// <summary>The submissions waiting for this user: at their unit's step (curators) or assigned to them (reviewers), oldest first.</summary>
    public Task<IReadOnlyList<SubmissionRecord>> QueueAsync(UserScope scope, CancellationToken ct = default)
        => queue.QueueAsync(scope, ct);

    /// <summary>What the user submitted or owns, newest first.</summary>
    public Task<IReadOnlyList<SubmissionRecord>> MineAsync(UserScope scope, CancellationToken ct = default)
        => queue.MineAsync(scope, ct);
}
