using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
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
/// Applies the editorial workflow: checks <see cref="WorkflowRules"/> on the server for every transition, stores the
/// new state with optimistic concurrency, records the transition, the audit entry and the notifications in one
/// transaction, and publishes through the content manager when a curator publishes.
/// </summary>
public sealed class WorkflowService(
    DbContext db,
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentAuthorizer authorizer,
    IOrganizationService organizations,
    ReviewPaths reviewPaths,
    IUserScopeService scopes,
    UserManager<CmsUser> users,
    IRoleCatalog roles,
    IEnumerable<IAuditTrail> audits,
    IEnumerable<INotifier> notifiers,
    TimeProvider clock,
    IStringLocalizer<EditorialResources> T)
{
    public const int MaxReasonLength = 4000;
    public const int MaxCommentLength = 4000;

    private DbSet<SubmissionRecord> Submissions => db.Set<SubmissionRecord>();

    public static bool TypeRequiresReview(ContentTypeDefinition type) => type.Flag("WorkflowSettings", "RequiresReview");

    public Task<IReadOnlyList<string>> ReviewPathAsync(string? organizationId, CancellationToken ct = default)
        => reviewPaths.GetAsync(organizationId, ct);

    public Task<SubmissionRecord?> GetRecordAsync(string contentItemId, CancellationToken ct = default)
        => Submissions.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, ct);

    /// <summary>The item (latest version) with its workflow state, or null when it does not exist or is outside the scope.</summary>
    public async Task<WorkflowContext?> LoadAsync(string contentItemId, UserScope scope, CancellationToken ct = default)
    {
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest, ct);
        if (item is null || !authorizer.Can(scope, ContentAction.View, item)
            || await definitions.GetTypeDefinitionAsync(item.ContentType, ct) is not { } type)
        {
            return null;
        }

        var record = await GetRecordAsync(contentItemId, ct);
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
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var outcome = await PerformInTransactionAsync(command, scope, ct);
            if (ownTransaction is not null)
            {
                if (outcome.Succeeded)
                {
                    await ownTransaction.CommitAsync(ct);
                }
                else
                {
                    await ownTransaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }

            return outcome;
        }
        catch (DbUpdateException)
        {
            // A concurrent decision (stamp) or a concurrent first submission (unique item) got there first.
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
            return Conflict();
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
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

        var record = await Submissions.FirstOrDefaultAsync(r => r.ContentItemId == item.ContentItemId, ct);
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
        string? targetUserId = null;
        string? targetUserName = null;
        switch (command.Action)
        {
            case WorkflowAction.Submit:
            {
                var errors = await contents.ValidateAsync(item, ct);
                if (errors.Count > 0)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["The item cannot be submitted until it is complete: {0}", string.Join(" ", errors.Select(e => e.Message))]);
                }

                if (record is null)
                {
                    record = new SubmissionRecord { ContentItemId = item.ContentItemId };
                    Submissions.Add(record);
                }

                var path = await ReviewPathAsync(item.OrganizationId, ct);
                record.ContentType = item.ContentType;
                record.OrganizationId = item.OrganizationId ?? "";
                record.DistrictId = (await organizations.GetDistrictAsync(record.OrganizationId, ct))?.Id;
                record.ReviewPath = string.Join('|', path);
                record.Step = 2;
                record.ReviewOrganizationId = path[0];
                record.SubmittedByUserId = scope.UserId;
                record.SubmittedByUserName = scope.UserName;
                record.OwnerUserId = item.Owner;
                record.PreviousSubmittedVersionId = record.SubmittedVersionId;
                record.SubmittedVersionId = item.ContentItemVersionId;
                record.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                record.ApprovedLevel = null;
                record.Round++;
                record.SubmittedUtc = now;
                record.StepEnteredUtc = now;
                record.SchoolYearTermId = Terms(item, type, "tax-school-years").FirstOrDefault();
                record.CriteriaTermIds = string.Join('|', Terms(item, type, "tax-criteria").Distinct());
                break;
            }

            case WorkflowAction.Withdraw:
                record!.Step = 1;
                record.ReviewOrganizationId = null;
                break;

            case WorkflowAction.Claim:
                record!.ClaimedByUserId = scope.UserId;
                record.ClaimedByUserName = scope.UserName;
                break;

            case WorkflowAction.Unclaim:
                record!.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                break;

            case WorkflowAction.Reassign:
            {
                var target = command.TargetUserId == scope.UserId ? null
                    : await FindCandidateAsync(command.TargetUserId, WorkflowPermissions.Review, record!, exactOrganization: true, ct);
                if (target is null)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Choose a curator of the reviewing unit to hand the submission to."]);
                }

                record!.ClaimedByUserId = target.Value.Id;
                record.ClaimedByUserName = target.Value.Name;
                (targetUserId, targetUserName) = target.Value;
                break;
            }

            case WorkflowAction.AssignReviewer:
            {
                var target = await FindCandidateAsync(command.TargetUserId, WorkflowPermissions.Assess, record!, exactOrganization: false, ct);
                if (target is null)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Choose a reviewer of the reviewing unit."]);
                }

                var assignments = db.Set<ReviewAssignmentRecord>();
                if (await assignments.AnyAsync(a => a.ContentItemId == item.ContentItemId && a.Round == record!.Round && a.Active && a.ReviewerUserId == target.Value.Id, ct))
                {
                    return new(WorkflowOutcomeKind.Invalid, T["{0} is already assigned to this submission.", target.Value.Name]);
                }

                assignments.Add(new ReviewAssignmentRecord
                {
                    ContentItemId = item.ContentItemId,
                    Round = record!.Round,
                    ReviewerUserId = target.Value.Id,
                    ReviewerUserName = target.Value.Name,
                    AssignedByUserId = scope.UserId,
                    AssignedUtc = now,
                });
                (targetUserId, targetUserName) = target.Value;
                break;
            }

            case WorkflowAction.UnassignReviewer:
            {
                var assignment = await db.Set<ReviewAssignmentRecord>().FirstOrDefaultAsync(a =>
                    a.ContentItemId == item.ContentItemId && a.Round == record!.Round && a.Active && a.ReviewerUserId == command.TargetUserId, ct);
                if (assignment is null)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["That reviewer is not assigned to this submission."]);
                }

                assignment.Active = false;
                (targetUserId, targetUserName) = (assignment.ReviewerUserId, assignment.ReviewerUserName);
                break;
            }

            case WorkflowAction.Assess:
            {
                var ratings = command.Ratings.Where(r => r.Value != 0).ToDictionary(r => r.Key, r => r.Value);
                if (ratings.Count == 0 && string.IsNullOrWhiteSpace(command.Comment))
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Rate at least one criterion or write a comment."]);
                }

                if (ratings.Values.Any(v => v is < 1 or > 5) || ratings.Keys.Any(k => !k.StartsWith("crit-", StringComparison.Ordinal) || k.Length > 64))
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Each rating is a whole number from 1 to 5."]);
                }

                if (command.Comment is { Length: > MaxCommentLength })
                {
                    return new(WorkflowOutcomeKind.Invalid, T["The comment is too long (at most {0} characters).", MaxCommentLength]);
                }

                db.Set<AssessmentRecord>().Add(new AssessmentRecord
                {
                    ContentItemId = item.ContentItemId,
                    Round = record!.Round,
                    VersionId = record.SubmittedVersionId,
                    ReviewerUserId = scope.UserId,
                    ReviewerUserName = scope.UserName,
                    Ratings = JsonSerializer.Serialize(ratings),
                    Comment = (command.Comment ?? "").Trim().Normalize(),
                    CreatedUtc = now,
                });
                break;
            }

            case WorkflowAction.Forward:
                // The reviewers the district assigned worked for the district's step; the next unit assigns its own.
                foreach (var assignment in await db.Set<ReviewAssignmentRecord>()
                             .Where(a => a.ContentItemId == item.ContentItemId && a.Round == record!.Round && a.Active).ToListAsync(ct))
                {
                    assignment.Active = false;
                }

                record!.Step++;
                record.ReviewOrganizationId = record.ReviewOrganizations[record.Step - 2];
                record.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                record.StepEnteredUtc = now;
                break;

            case WorkflowAction.Approve:
            {
                var level = await organizations.GetAsync(record!.ReviewOrganizationId ?? "", ct);
                record.ApprovedLevel = level?.Kind == OrganizationKind.Department ? "Province" : "District";
                break;
            }

            case WorkflowAction.Return:
            case WorkflowAction.Reject:
                if (reasons.Text is null)
                {
                    return new(WorkflowOutcomeKind.Invalid, T["Choose or write at least one reason."]);
                }

                record!.ClaimedByUserId = null;
                record.ClaimedByUserName = null;
                record.ApprovedLevel = null;
                if (command.Action == WorkflowAction.Return)
                {
                    record.Step = 1;
                    record.ReviewOrganizationId = null;
                }

                break;

            case WorkflowAction.Publish:
                break;
        }

        var to = WorkflowRules.Target(command.Action, context.Subject);
        record!.State = to;
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
            TargetUserId = targetUserId,
            TargetUserName = targetUserName,
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

        await RecordAsync(command.Action, transition, item, record, ct);
        await NotifyAsync(command.Action, transition, item, record, scope, ct);

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

    /// <summary>The terms of a taxonomy chosen in any TaxonomyField of the item (the taxonomy named by the field's settings).</summary>
    private static IEnumerable<string> Terms(ContentItem item, ContentTypeDefinition type, string taxonomyId)
    {
        foreach (var (part, field) in type.AllFields().Where(f => f.Field.FieldName == ContentKinds.TaxonomyField))
        {
            var json = item.Field(part.Name, field.Name);
            var fieldTaxonomy = field.KindSettings.TaxonomyContentItemId ?? json?["TaxonomyContentItemId"]?.GetValue<string>();
            if (fieldTaxonomy != taxonomyId || json?["TermContentItemIds"] is not JsonArray ids)
            {
                continue;
            }

            foreach (var id in ids)
            {
                if (id is JsonValue value && value.TryGetValue<string>(out var termId))
                {
                    yield return termId;
                }
            }
        }
    }

    /// <summary>
    /// Active users who could take the submission (curators) or assess it (reviewers) at its current step: users of the
    /// reviewing unit (or below it, for reviewers) holding a role that grants the permission, who can see the item.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> CandidatesAsync(SubmissionRecord record, string permission, bool exactOrganization, CancellationToken ct = default)
    {
        if (record.ReviewOrganizationId is not { } reviewing)
        {
            return [];
        }

        var organizationIds = exactOrganization ? new HashSet<string> { reviewing } : await organizations.GetSubtreeIdsAsync(reviewing, ct);
        var granting = (await roles.ListAsync(ct)).Where(r => !r.IsImplicit && !r.IsAdministrator && r.Effective.Contains(permission));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in granting)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role.Name))
            {
                if (!organizationIds.Contains(user.OrganizationId) || result.ContainsKey(user.Id)
                    || user.Id == record.OwnerUserId || user.Id == record.SubmittedByUserId
                    || await scopes.GetByIdAsync(user.Id, ct) is not { } scope || !scope.InScope(record.OrganizationId))
                {
                    continue;
                }

                result[user.Id] = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : $"{user.DisplayName} ({user.UserName})";
            }
        }

        return result.OrderBy(r => r.Value, StringComparer.CurrentCulture).Select(r => (r.Key, r.Value)).ToList();
    }

    private async Task<(string Id, string Name)?> FindCandidateAsync(string? userId, string permission, SubmissionRecord record, bool exactOrganization, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var match = (await CandidatesAsync(record, permission, exactOrganization, ct)).FirstOrDefault(c => c.Id == userId);
        return match.Id is null ? null : match;
    }


    private async Task RecordAsync(WorkflowAction action, SubmissionTransitionRecord transition, ContentItem item, SubmissionRecord record, CancellationToken ct)
    {
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

    private async Task NotifyAsync(WorkflowAction action, SubmissionTransitionRecord transition, ContentItem item, SubmissionRecord record, UserScope scope, CancellationToken ct)
    {
        var author = new[] { record.OwnerUserId, record.SubmittedByUserId }.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        var reviewUrl = $"/admin/duyet/{Uri.EscapeDataString(item.ContentItemId)}";
        var itemUrl = $"/admin/noi-dung/{Uri.EscapeDataString(item.ContentItemId)}";
        var title = item.DisplayText;
        var reasons = transition.Reasons is { Length: > 0 } r ? "\n\n" + T["Reasons:"] + "\n" + r : "";
        NotificationRecipients? to = null;
        NotificationMessage? message = null;
        string Key(string kind) => $"{kind}:{item.ContentItemId}:{transition.Id}";
        switch (action)
        {
            case WorkflowAction.Submit:
            case WorkflowAction.Forward:
                to = new NotificationRecipients
                {
                    OrganizationPermissions = [(record.ReviewOrganizationId!, WorkflowPermissions.Review)],
                    ExceptUserId = scope.UserId,
                };
                message = new NotificationMessage
                {
                    EventKey = Key("SubmissionReceived"),
                    Kind = "SubmissionReceived",
                    Subject = T["New submission to review: {0}", title],
                    Body = T["“{0}” waits for your review (step {1}/{2}).", title, record.Step, record.TotalSteps],
                    ContentItemId = item.ContentItemId,
                    Url = reviewUrl,
                };
                break;
            case WorkflowAction.Withdraw:
                // The curators who were told of the submission hear that it was taken back.
                to = new NotificationRecipients
                {
                    OrganizationPermissions = [(record.ReviewOrganizations.FirstOrDefault() ?? "", WorkflowPermissions.Review)],
                    ExceptUserId = scope.UserId,
                };
                message = new NotificationMessage
                {
                    EventKey = Key("Withdrawn"),
                    Kind = "Withdrawn",
                    Subject = T["Submission withdrawn: {0}", title],
                    Body = T["{0} withdrew “{1}” before review.", scope.DisplayName, title],
                    ContentItemId = item.ContentItemId,
                    Url = reviewUrl,
                };
                break;
            case WorkflowAction.Return:
            case WorkflowAction.Reject:
            case WorkflowAction.Approve:
            case WorkflowAction.Publish:
                to = new NotificationRecipients { UserIds = author, ExceptUserId = scope.UserId };
                message = new NotificationMessage
                {
                    EventKey = Key(action.ToString()),
                    Kind = action.ToString(),
                    Subject = action switch
                    {
                        WorkflowAction.Return => T["Returned for changes: {0}", title],
                        WorkflowAction.Reject => T["Not accepted: {0}", title],
                        WorkflowAction.Approve => T["Approved: {0}", title],
                        _ => T["Published: {0}", title],
                    },
                    Body = (action switch
                    {
                        WorkflowAction.Return => T["{0} returned “{1}” for changes. Fix it and submit it again.", scope.DisplayName, title],
                        WorkflowAction.Reject => T["{0} did not accept “{1}”.", scope.DisplayName, title],
                        WorkflowAction.Approve => T["{0} approved “{1}”.", scope.DisplayName, title],
                        _ => T["“{0}” is now on the public site.", title],
                    }) + reasons,
                    ContentItemId = item.ContentItemId,
                    Url = itemUrl,
                };
                break;
            case WorkflowAction.AssignReviewer:
            case WorkflowAction.Reassign:
                to = new NotificationRecipients { UserIds = [transition.TargetUserId!], ExceptUserId = scope.UserId };
                message = new NotificationMessage
                {
                    EventKey = Key(action.ToString()),
                    Kind = action.ToString(),
                    Subject = T["Assigned to you: {0}", title],
                    Body = T["{0} asked you to review “{1}”.", scope.DisplayName, title],
                    ContentItemId = item.ContentItemId,
                    Url = reviewUrl,
                };
                break;
        }

        if (to is null || message is null)
        {
            return;
        }

        foreach (var notifier in notifiers)
        {
            await notifier.NotifyAsync(to, message, ct);
        }
    }

    public async Task<IReadOnlyList<SubmissionTransitionRecord>> TransitionsAsync(string contentItemId, CancellationToken ct = default)
        => await db.Set<SubmissionTransitionRecord>().AsNoTracking().Where(t => t.ContentItemId == contentItemId).OrderBy(t => t.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<AssessmentRecord>> AssessmentsAsync(string contentItemId, CancellationToken ct = default)
        => await db.Set<AssessmentRecord>().AsNoTracking().Where(a => a.ContentItemId == contentItemId).OrderByDescending(a => a.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<ReviewAssignmentRecord>> AssignmentsAsync(string contentItemId, int round, CancellationToken ct = default)
        => await db.Set<ReviewAssignmentRecord>().AsNoTracking().Where(a => a.ContentItemId == contentItemId && a.Round == round && a.Active)
            .OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>The submissions waiting for this user: at their unit's step (curators) or assigned to them (reviewers), oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionRecord>> QueueAsync(UserScope scope, CancellationToken ct = default)
    {
        var waiting = Submissions.AsNoTracking().Where(r => r.State == SubmissionState.Submitted || r.State == SubmissionState.InReview);
        var result = new List<SubmissionRecord>();
        if (scope.Has(WorkflowPermissions.Review))
        {
            result.AddRange(scope.IsAdministrator
                ? await waiting.ToListAsync(ct)
                : await waiting.Where(r => r.ReviewOrganizationId == scope.OrganizationId).ToListAsync(ct));
        }

        if (scope.Has(WorkflowPermissions.Assess))
        {
            var assigned = await db.Set<ReviewAssignmentRecord>().AsNoTracking().Where(a => a.ReviewerUserId == scope.UserId && a.Active)
                .Select(a => new { a.ContentItemId, a.Round }).ToListAsync(ct);
            var ids = assigned.Select(a => a.ContentItemId).Distinct().ToList();
            var mine = await waiting.Where(r => ids.Contains(r.ContentItemId)).ToListAsync(ct);
            result.AddRange(mine.Where(r => assigned.Any(a => a.ContentItemId == r.ContentItemId && a.Round == r.Round)));
        }

        // Approved items wait for their curators to publish them.
        if (scope.Has(WorkflowPermissions.Review))
        {
            var approved = Submissions.AsNoTracking().Where(r => r.State == SubmissionState.Approved);
            result.AddRange(scope.IsAdministrator
                ? await approved.ToListAsync(ct)
                : await approved.Where(r => r.ReviewOrganizationId == scope.OrganizationId).ToListAsync(ct));
        }

        return result.DistinctBy(r => r.Id).Where(r => scope.InScope(r.OrganizationId)).OrderBy(r => r.StepEnteredUtc).ToList();
    }

    /// <summary>What the user submitted or owns, newest first.</summary>
    public async Task<IReadOnlyList<SubmissionRecord>> MineAsync(UserScope scope, CancellationToken ct = default)
        => await Submissions.AsNoTracking().Where(r => r.OwnerUserId == scope.UserId || r.SubmittedByUserId == scope.UserId)
            .OrderByDescending(r => r.UpdatedUtc).Take(200).ToListAsync(ct);
}
