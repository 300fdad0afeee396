namespace ChuyenDe.Modules.Editorial;

/// <summary>Where a submission stands. Items never submitted have no record and count as <see cref="Draft"/>.</summary>
public enum SubmissionState
{
    Draft,
    Submitted,
    InReview,
    Approved,
    Published,
    Returned,
    Rejected,
    Withdrawn,
}

public enum WorkflowAction
{
    Submit,
    Withdraw,
    Claim,
    Unclaim,
    Reassign,
    AssignReviewer,
    UnassignReviewer,
    Assess,
    Forward,
    Approve,
    Return,
    Reject,
    Publish,
}

/// <summary>Why a transition is refused; each has a Vietnamese message in <c>EditorialResources.vi.resx</c>.</summary>
public enum WorkflowDenial
{
    None,
    NotAllowedInState,
    NoPermission,
    NotYourSubmission,
    NotReviewerOfStep,
    ClaimedByAnother,
    OwnSubmission,
    OwnOrganization,
    NoNextLevel,
    NotAssigned,
    NoReviewNeeded,
    NothingNewToSubmit,
}

/// <summary>The user acting, as the rules see them.</summary>
public sealed record WorkflowActor(string UserId, string? OrganizationId, bool IsAdministrator, IReadOnlySet<string> Permissions)
{
    public bool Has(string permission) => IsAdministrator || Permissions.Contains(permission);
}

/// <summary>The submission as the rules see it, with the facts about the actor that need the database.</summary>
public sealed record WorkflowSubject
{
    public SubmissionState State { get; init; }
    public int Step { get; init; } = 1;
    public int TotalSteps { get; init; } = 1;
    public string? ItemOrganizationId { get; init; }
    public string? ReviewOrganizationId { get; init; }
    public string OwnerUserId { get; init; } = "";
    public string? SubmittedByUserId { get; init; }
    public string? ClaimedByUserId { get; init; }

    /// <summary>Whether the latest version differs from the published one (a published item can be resubmitted only then).</summary>
    public bool HasUnpublishedChanges { get; init; }

    /// <summary>The content authorizer lets the actor edit the item (permission, ownership, scope).</summary>
    public bool ActorMayEditItem { get; init; }

    public bool ActorIsAssignedReviewer { get; init; }
}

/// <summary>
/// The editorial state machine: which action is allowed in which state for whom. Pure, so every allowed and every
/// forbidden transition is unit-tested; <see cref="WorkflowService"/> applies it on the server for every request.
/// </summary>
public static class WorkflowRules
{
    public static readonly IReadOnlySet<SubmissionState> UnderReview = new HashSet<SubmissionState> { SubmissionState.Submitted, SubmissionState.InReview };

    /// <summary>States in which nobody may change the item's content.</summary>
    public static readonly IReadOnlySet<SubmissionState> Locked = new HashSet<SubmissionState>
    {
        SubmissionState.Submitted, SubmissionState.InReview, SubmissionState.Approved,
    };

    public static SubmissionState Target(WorkflowAction action, WorkflowSubject s) => action switch
    {
        WorkflowAction.Submit or WorkflowAction.Forward => SubmissionState.Submitted,
        WorkflowAction.Withdraw => SubmissionState.Withdrawn,
        WorkflowAction.Claim => SubmissionState.InReview,
        WorkflowAction.Unclaim => SubmissionState.Submitted,
        WorkflowAction.Reassign => SubmissionState.InReview,
        WorkflowAction.Approve => SubmissionState.Approved,
        WorkflowAction.Return => SubmissionState.Returned,
        WorkflowAction.Reject => SubmissionState.Rejected,
        WorkflowAction.Publish => SubmissionState.Published,
        _ => s.State,
    };

    public static WorkflowDenial Check(WorkflowAction action, WorkflowSubject s, WorkflowActor actor)
    {
        switch (action)
        {
            case WorkflowAction.Submit:
                if (s.State is not (SubmissionState.Draft or SubmissionState.Returned or SubmissionState.Withdrawn or SubmissionState.Published))
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                if (!actor.Has(WorkflowPermissions.Submit) || !s.ActorMayEditItem)
                {
                    return WorkflowDenial.NoPermission;
                }

                if (s.TotalSteps < 2)
                {
                    return WorkflowDenial.NoReviewNeeded;
                }

                return s.State == SubmissionState.Published && !s.HasUnpublishedChanges ? WorkflowDenial.NothingNewToSubmit : WorkflowDenial.None;

            case WorkflowAction.Withdraw:
                // Before review only: submitted to the first review level and not taken by a curator yet.
                if (s.State != SubmissionState.Submitted || s.Step != 2 || s.ClaimedByUserId is not null)
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                return actor.UserId == s.SubmittedByUserId || actor.UserId == s.OwnerUserId ? WorkflowDenial.None : WorkflowDenial.NotYourSubmission;

            case WorkflowAction.Claim:
                if (s.State != SubmissionState.Submitted)
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                return CuratorAtStep(s, actor);

            case WorkflowAction.Unclaim:
            case WorkflowAction.Reassign:
                if (action == WorkflowAction.Unclaim ? s.State != SubmissionState.InReview : !UnderReview.Contains(s.State))
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                // A colleague's claim is theirs to give back or hand over (administrators may release a forgotten one).
                var curatorAtStep = CuratorAtStep(s, actor);
                return curatorAtStep == WorkflowDenial.None && s.ClaimedByUserId is not null && s.ClaimedByUserId != actor.UserId && !actor.IsAdministrator
                    ? WorkflowDenial.ClaimedByAnother
                    : curatorAtStep;

            case WorkflowAction.AssignReviewer:
            case WorkflowAction.UnassignReviewer:
                if (!UnderReview.Contains(s.State))
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                return CuratorAtStep(s, actor);

            case WorkflowAction.Assess:
                if (!UnderReview.Contains(s.State))
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                if (!actor.Has(WorkflowPermissions.Assess))
                {
                    return WorkflowDenial.NoPermission;
                }

                if (actor.UserId == s.SubmittedByUserId || actor.UserId == s.OwnerUserId)
                {
                    return WorkflowDenial.OwnSubmission;
                }

                return s.ActorIsAssignedReviewer ? WorkflowDenial.None : WorkflowDenial.NotAssigned;

            case WorkflowAction.Forward:
            case WorkflowAction.Approve:
            case WorkflowAction.Return:
            case WorkflowAction.Reject:
                // An approved item that cannot be published (e.g. photos without consent) can still go back to its author.
                var open = UnderReview.Contains(s.State)
                    || (s.State == SubmissionState.Approved && action is WorkflowAction.Return or WorkflowAction.Reject);
                if (!open)
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                var decider = Decider(s, actor);
                if (decider != WorkflowDenial.None)
                {
                    return decider;
                }

                return action == WorkflowAction.Forward && s.Step >= s.TotalSteps ? WorkflowDenial.NoNextLevel : WorkflowDenial.None;

            case WorkflowAction.Publish:
                if (s.State != SubmissionState.Approved)
                {
                    return WorkflowDenial.NotAllowedInState;
                }

                return CuratorAtStep(s, actor);

            default:
                return WorkflowDenial.NotAllowedInState;
        }
    }

    /// <summary>A curator of the organisation reviewing the current step (administrators review at every step).</summary>
    private static WorkflowDenial CuratorAtStep(WorkflowSubject s, WorkflowActor actor)
    {
        if (!actor.Has(WorkflowPermissions.Review))
        {
            return WorkflowDenial.NoPermission;
        }

        return actor.IsAdministrator || (actor.OrganizationId is not null && actor.OrganizationId == s.ReviewOrganizationId)
            ? WorkflowDenial.None
            : WorkflowDenial.NotReviewerOfStep;
    }

    /// <summary>A curator at the step who has not taken part as author and whose colleague has not claimed the item.</summary>
    private static WorkflowDenial Decider(WorkflowSubject s, WorkflowActor actor)
    {
        var curator = CuratorAtStep(s, actor);
        if (curator != WorkflowDenial.None)
        {
            return curator;
        }

        if (actor.UserId == s.SubmittedByUserId || actor.UserId == s.OwnerUserId)
        {
            return WorkflowDenial.OwnSubmission;
        }

        if (!actor.IsAdministrator && actor.OrganizationId == s.ItemOrganizationId)
        {
            return WorkflowDenial.OwnOrganization;
        }

        return s.ClaimedByUserId is not null && s.ClaimedByUserId != actor.UserId ? WorkflowDenial.ClaimedByAnother : WorkflowDenial.None;
    }
}
