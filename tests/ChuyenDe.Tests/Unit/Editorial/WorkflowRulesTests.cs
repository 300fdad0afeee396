using ChuyenDe.Modules.Editorial;
using static ChuyenDe.Modules.Editorial.WorkflowAction;

namespace ChuyenDe.Tests.Unit.Editorial;

/// <summary>
/// Every action × every state × every role of the editorial state machine. The expectations are written out as a list of
/// what is allowed; everything else must be refused.
/// </summary>
public sealed class WorkflowRulesTests
{
    private const string School = "truong-a";
    private const string District = "phong-a";
    private const string OtherDistrict = "phong-b";
    private const string Department = "so";

    private static readonly HashSet<string> ContributorPermissions = [WorkflowPermissions.Submit, "EditOwnContent"];
    private static readonly HashSet<string> CuratorPermissions = [WorkflowPermissions.Submit, WorkflowPermissions.Review, WorkflowPermissions.Assess, "EditContent", "PublishContent"];
    private static readonly HashSet<string> ReviewerPermissions = [WorkflowPermissions.Assess];

    /// <summary>The roles: the actor and whether the content authorizer lets them edit the item (scope × permission × ownership).</summary>
    private static readonly Dictionary<string, (WorkflowActor Actor, bool MayEdit, bool Assigned)> Roles = new()
    {
        ["Author"] = (new("author", School, false, ContributorPermissions), true, false),
        ["SchoolColleague"] = (new("colleague", School, false, ContributorPermissions), false, false),
        ["DistrictCurator"] = (new("district-curator", District, false, CuratorPermissions), true, false),
        ["OtherDistrictCurator"] = (new("other-curator", OtherDistrict, false, CuratorPermissions), false, false),
        ["DepartmentCurator"] = (new("department-curator", Department, false, CuratorPermissions), true, false),
        ["AssignedReviewer"] = (new("reviewer", District, false, ReviewerPermissions), false, true),
        ["UnassignedReviewer"] = (new("reviewer-2", District, false, ReviewerPermissions), false, false),
        ["Administrator"] = (new("admin", "so", true, new HashSet<string>()), true, false),
    };

    private static WorkflowSubject Base(SubmissionState state) => new()
    {
        State = state,
        Step = 1,
        TotalSteps = 3,
        ItemOrganizationId = School,
        OwnerUserId = "author",
        SubmittedByUserId = state == SubmissionState.Draft ? null : "author",
        HasUnpublishedChanges = true,
    };

    /// <summary>The situations an item can be in.</summary>
    private static readonly Dictionary<string, WorkflowSubject> Scenarios = new()
    {
        ["Draft"] = Base(SubmissionState.Draft),
        ["Submitted@District"] = Base(SubmissionState.Submitted) with { Step = 2, ReviewOrganizationId = District },
        ["InReview@District"] = Base(SubmissionState.InReview) with { Step = 2, ReviewOrganizationId = District, ClaimedByUserId = "district-curator" },
        ["Submitted@Department"] = Base(SubmissionState.Submitted) with { Step = 3, ReviewOrganizationId = Department },
        ["InReview@Department"] = Base(SubmissionState.InReview) with { Step = 3, ReviewOrganizationId = Department, ClaimedByUserId = "department-curator" },
        ["Approved@District"] = Base(SubmissionState.Approved) with { Step = 2, ReviewOrganizationId = District },
        ["Published"] = Base(SubmissionState.Published) with { HasUnpublishedChanges = false },
        ["PublishedWithDraft"] = Base(SubmissionState.Published),
        ["Returned"] = Base(SubmissionState.Returned),
        ["Rejected"] = Base(SubmissionState.Rejected) with { Step = 2, ReviewOrganizationId = District },
        ["Withdrawn"] = Base(SubmissionState.Withdrawn),
    };

    private static readonly string[] Editors = ["Author", "DistrictCurator", "DepartmentCurator", "Administrator"];
    private static readonly string[] DistrictDeciders = ["DistrictCurator", "Administrator"];
    private static readonly string[] DepartmentDeciders = ["DepartmentCurator", "Administrator"];

    /// <summary>(action, scenario, role) triples that are allowed; the rest is refused.</summary>
    private static readonly HashSet<(WorkflowAction, string, string)> Allowed = Build(
        (Submit, ["Draft", "Returned", "Withdrawn", "PublishedWithDraft"], Editors),
        (Withdraw, ["Submitted@District"], ["Author"]),
        (Claim, ["Submitted@District"], DistrictDeciders),
        (Claim, ["Submitted@Department"], DepartmentDeciders),
        (Unclaim, ["InReview@District"], DistrictDeciders),
        (Unclaim, ["InReview@Department"], DepartmentDeciders),
        (Reassign, ["Submitted@District", "InReview@District"], DistrictDeciders),
        (Reassign, ["Submitted@Department", "InReview@Department"], DepartmentDeciders),
        (AssignReviewer, ["Submitted@District", "InReview@District"], DistrictDeciders),
        (AssignReviewer, ["Submitted@Department", "InReview@Department"], DepartmentDeciders),
        (UnassignReviewer, ["Submitted@District", "InReview@District"], DistrictDeciders),
        (UnassignReviewer, ["Submitted@Department", "InReview@Department"], DepartmentDeciders),
        (Assess, ["Submitted@District", "InReview@District", "Submitted@Department", "InReview@Department"], ["AssignedReviewer"]),
        // Deciding: at the unit's own step; once a colleague claimed it, only that colleague (not even an administrator).
        (Forward, ["Submitted@District"], DistrictDeciders),
        (Forward, ["InReview@District"], ["DistrictCurator"]),
        (Approve, ["Submitted@District"], DistrictDeciders),
        (Approve, ["InReview@District"], ["DistrictCurator"]),
        (Approve, ["Submitted@Department"], DepartmentDeciders),
        (Approve, ["InReview@Department"], ["DepartmentCurator"]),
        (Return, ["Submitted@District"], DistrictDeciders),
        (Return, ["InReview@District"], ["DistrictCurator"]),
        (Return, ["Submitted@Department"], DepartmentDeciders),
        (Return, ["InReview@Department"], ["DepartmentCurator"]),
        (Reject, ["Submitted@District"], DistrictDeciders),
        (Reject, ["InReview@District"], ["DistrictCurator"]),
        (Reject, ["Submitted@Department"], DepartmentDeciders),
        (Reject, ["InReview@Department"], ["DepartmentCurator"]),
        (Return, ["Approved@District"], DistrictDeciders),
        (Reject, ["Approved@District"], DistrictDeciders),
        (Publish, ["Approved@District"], DistrictDeciders));

    private static HashSet<(WorkflowAction, string, string)> Build(params (WorkflowAction Action, string[] Scenarios, string[] Roles)[] rows)
        => rows.SelectMany(r => r.Scenarios.SelectMany(s => r.Roles.Select(role => (r.Action, s, role)))).ToHashSet();

    public static TheoryData<WorkflowAction, string, string> AllCombinations()
    {
        var data = new TheoryData<WorkflowAction, string, string>();
        foreach (var action in Enum.GetValues<WorkflowAction>())
        {
            foreach (var scenario in Scenarios.Keys)
            {
                foreach (var role in Roles.Keys)
                {
                    data.Add(action, scenario, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Each_action_is_allowed_exactly_where_the_rules_say(WorkflowAction action, string scenario, string role)
    {
        var (actor, mayEdit, assigned) = Roles[role];
        var subject = Scenarios[scenario] with { ActorMayEditItem = mayEdit, ActorIsAssignedReviewer = assigned };

        var denial = WorkflowRules.Check(action, subject, actor);

        var expected = Allowed.Contains((action, scenario, role));
        Assert.True(expected == (denial == WorkflowDenial.None),
            $"{role} {action} on {scenario}: expected {(expected ? "allowed" : "refused")}, got {denial}");
    }

    [Fact]
    public void Every_allowed_triple_names_a_real_scenario_and_role()
    {
        Assert.All(Allowed, t => Assert.True(Scenarios.ContainsKey(t.Item2) && Roles.ContainsKey(t.Item3), t.ToString()));
    }

    [Fact]
    public void Nobody_decides_on_what_they_submitted_themselves()
    {
        var curator = Roles["DistrictCurator"].Actor;
        var subject = Scenarios["Submitted@District"] with { SubmittedByUserId = curator.UserId };

        Assert.Equal(WorkflowDenial.OwnSubmission, WorkflowRules.Check(Approve, subject, curator));
        Assert.Equal(WorkflowDenial.OwnSubmission, WorkflowRules.Check(Return, subject, curator));
        Assert.Equal(WorkflowDenial.OwnSubmission, WorkflowRules.Check(Forward, subject, curator));
    }

    [Fact]
    public void Nobody_approves_their_own_unit_s_submission_at_their_level()
    {
        // A district office's own item, reviewed (wrongly) at the district's level by one of its curators.
        var curator = Roles["DistrictCurator"].Actor;
        var subject = Scenarios["Submitted@District"] with { ItemOrganizationId = District, OwnerUserId = "colleague", SubmittedByUserId = "colleague" };

        Assert.Equal(WorkflowDenial.OwnOrganization, WorkflowRules.Check(Approve, subject, curator));
    }

    [Fact]
    public void The_last_step_cannot_be_forwarded_and_a_unit_without_reviewers_needs_no_review()
    {
        var department = Roles["DepartmentCurator"].Actor;
        Assert.Equal(WorkflowDenial.NoNextLevel, WorkflowRules.Check(Forward, Scenarios["Submitted@Department"], department));

        var author = Roles["Author"].Actor;
        var topLevel = Scenarios["Draft"] with { TotalSteps = 1, ActorMayEditItem = true };
        Assert.Equal(WorkflowDenial.NoReviewNeeded, WorkflowRules.Check(Submit, topLevel, author));
    }

    [Fact]
    public void A_published_item_without_changes_has_nothing_to_submit()
    {
        var author = Roles["Author"].Actor;
        Assert.Equal(WorkflowDenial.NothingNewToSubmit, WorkflowRules.Check(Submit, Scenarios["Published"] with { ActorMayEditItem = true }, author));
    }

    [Theory]
    [InlineData(Submit, SubmissionState.Submitted)]
    [InlineData(Withdraw, SubmissionState.Withdrawn)]
    [InlineData(Claim, SubmissionState.InReview)]
    [InlineData(Unclaim, SubmissionState.Submitted)]
    [InlineData(Forward, SubmissionState.Submitted)]
    [InlineData(Approve, SubmissionState.Approved)]
    [InlineData(Return, SubmissionState.Returned)]
    [InlineData(Reject, SubmissionState.Rejected)]
    [InlineData(Publish, SubmissionState.Published)]
    [InlineData(Assess, SubmissionState.InReview)]
    public void Transitions_lead_to_their_states(WorkflowAction action, SubmissionState expected)
    {
        Assert.Equal(expected, WorkflowRules.Target(action, Scenarios["InReview@District"]));
    }

    [Fact]
    public void Content_is_locked_exactly_while_under_review_or_approved()
    {
        Assert.Equal(
            [SubmissionState.Submitted, SubmissionState.InReview, SubmissionState.Approved],
            Enum.GetValues<SubmissionState>().Where(WorkflowRules.Locked.Contains).ToArray());
    }
}
