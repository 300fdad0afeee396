using System.Net;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Tests.Functional.Admin;
using static ChuyenDe.Tests.Functional.Editorial.WorkflowSupport;

namespace ChuyenDe.Tests.Functional.Editorial;

/// <summary>Where a submission stands when a case is tried.</summary>
public enum Stage
{
    Draft,
    AtDistrict,
    ClaimedAtDistrict,
    AtDepartment,
    ApprovedAtDepartment,
    Returned,
    Published,
}

/// <summary>
/// Every forbidden transition over HTTP, for every role: the server refuses it with the right status and Vietnamese
/// message, and the submission stays exactly as it was (same state, same stamp, no transition recorded). The requests
/// carry the current stamp, so a refusal is never a concurrency conflict in disguise.
/// </summary>
public sealed class WorkflowDenialTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private Task<AdminClient> As(string userName) => SystemAdmin.As(fixture.Factory, userName);

    /// <summary>A fresh Bến Thành Initiative of the contributor, moved to the stage by the users who may do so.</summary>
    private async Task<string> ItemAtAsync(Stage stage)
    {
        var id = (await DraftAsync(fixture, "Bé tự rửa tay")).ContentItemId;
        if (stage == Stage.Draft)
        {
            return id;
        }

        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        await ActOkAsync(contributor, id, "Submit");
        switch (stage)
        {
            case Stage.AtDistrict:
                return id;
            case Stage.ClaimedAtDistrict:
                await ActOkAsync(district, id, "Claim");
                return id;
            case Stage.Returned:
                await ActOkAsync(district, id, "Return", ("reasons", "Presentation"));
                return id;
            case Stage.Published:
                await ActOkAsync(district, id, "ApproveAndPublish");
                return id;
        }

        await ActOkAsync(district, id, "Forward");
        if (stage == Stage.ApprovedAtDepartment)
        {
            await ActOkAsync(await As(Accounts.DepartmentCurator), id, "Approve");
        }

        return id;
    }

    private const int Forbidden = 403;
    private const int NotFound = 404;

    [Theory]
    // The school contributor submits and withdraws, nothing else.
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Claim", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Approve", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "ApproveAndPublish", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Forward", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Return", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Reject", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "AssignReviewer", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Assess", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Submit", Forbidden, NotInState)]
    [InlineData(Accounts.Contributor, Stage.ClaimedAtDistrict, "Unclaim", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.ApprovedAtDepartment, "Publish", Forbidden, NoRight)]
    [InlineData(Accounts.Contributor, Stage.Published, "Submit", Forbidden, "Bản đã đăng chưa có thay đổi nào để gửi duyệt.")]
    // Withdrawing: only before a curator has taken it, at the first review level.
    [InlineData(Accounts.Contributor, Stage.ClaimedAtDistrict, "Withdraw", Forbidden, NotInState)]
    [InlineData(Accounts.Contributor, Stage.AtDepartment, "Withdraw", Forbidden, NotInState)]
    [InlineData(Accounts.Contributor, Stage.Returned, "Withdraw", Forbidden, NotInState)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Withdraw", Forbidden, OnlyAuthorWithdraws)]
    // Another school and another district: the item is outside their scope and does not exist for them.
    [InlineData(Accounts.OtherSchoolContributor, Stage.AtDistrict, "Withdraw", NotFound, null)]
    [InlineData(Accounts.OtherSchoolContributor, Stage.AtDistrict, "Approve", NotFound, null)]
    [InlineData(Accounts.OtherDistrictCurator, Stage.AtDistrict, "Claim", NotFound, null)]
    [InlineData(Accounts.OtherDistrictCurator, Stage.AtDistrict, "Approve", NotFound, null)]
    [InlineData(Accounts.OtherDistrictCurator, Stage.AtDistrict, "Return", NotFound, null)]
    [InlineData(Accounts.OtherDistrictCurator, Stage.AtDepartment, "Approve", NotFound, null)]
    // The district office cannot act at the Department's step.
    [InlineData(Accounts.DistrictCurator, Stage.AtDepartment, "Claim", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDepartment, "Approve", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDepartment, "ApproveAndPublish", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDepartment, "Return", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDepartment, "Reject", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDepartment, "AssignReviewer", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DistrictCurator, Stage.ApprovedAtDepartment, "Publish", Forbidden, OtherUnitStep)]
    // The Department cannot act at the district's step.
    [InlineData(Accounts.DepartmentCurator, Stage.AtDistrict, "Claim", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DepartmentCurator, Stage.AtDistrict, "Approve", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DepartmentCurator, Stage.AtDistrict, "Forward", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DepartmentCurator, Stage.AtDistrict, "Return", Forbidden, OtherUnitStep)]
    [InlineData(Accounts.DepartmentCurator, Stage.ClaimedAtDistrict, "Unclaim", Forbidden, OtherUnitStep)]
    // … and there is nothing above the Department.
    [InlineData(Accounts.DepartmentCurator, Stage.AtDepartment, "Forward", Forbidden, NoHigherLevel)]
    // Reviewers assess; they never decide.
    [InlineData(Accounts.Reviewer, Stage.AtDistrict, "Claim", Forbidden, NoRight)]
    [InlineData(Accounts.Reviewer, Stage.AtDistrict, "Approve", Forbidden, NoRight)]
    [InlineData(Accounts.Reviewer, Stage.AtDistrict, "Forward", Forbidden, NoRight)]
    [InlineData(Accounts.Reviewer, Stage.AtDistrict, "Reject", Forbidden, NoRight)]
    [InlineData(Accounts.Reviewer, Stage.AtDistrict, "Assess", Forbidden, NotAssigned)]
    // Nothing to decide on outside the review.
    [InlineData(Accounts.DistrictCurator, Stage.Draft, "Approve", Forbidden, NotInState)]
    [InlineData(Accounts.DistrictCurator, Stage.Draft, "Claim", Forbidden, NotInState)]
    [InlineData(Accounts.DistrictCurator, Stage.Returned, "Approve", Forbidden, NotInState)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Publish", Forbidden, NotInState)]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Unclaim", Forbidden, NotInState)]
    [InlineData(Accounts.DepartmentCurator, Stage.Published, "Approve", Forbidden, NotInState)]
    public async Task A_forbidden_transition_is_refused_and_changes_nothing(string userName, Stage stage, string act, int status, string? message)
    {
        var id = await ItemAtAsync(stage);
        var before = await RecordAsync(fixture, id);
        var transitions = (await TransitionsAsync(fixture, id)).Count;
        var client = await As(userName);

        using var response = await PostActAsync(client, id, act, before?.ConcurrencyStamp,
            ("reasons", "Presentation"), ("reasonText", "Lý do thử."), ("comment", "Nhận xét thử."), ("rating.crit-1", "3"),
            ("targetUserId", await SystemAdmin.UserIdAsync(fixture, Accounts.Reviewer)));

        await AssertRefusedAsync(response, (HttpStatusCode)status, message, $"{userName} tries {act} at {stage}");
        var after = await RecordAsync(fixture, id);
        Assert.Equal(before?.State, after?.State);
        Assert.Equal(before?.Step, after?.Step);
        Assert.Equal(before?.ConcurrencyStamp, after?.ConcurrencyStamp);
        Assert.Equal(transitions, (await TransitionsAsync(fixture, id)).Count);
        if (stage != Stage.Published)
        {
            Assert.Null(await ContentAdminSupport.PublishedAsync(fixture, id));
        }

        if (status == NotFound)
        {
            // The review page does not exist for them either.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync(ReviewUrl(id))).Status);
        }
    }

    [Theory]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Withdraw")]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Claim")]
    [InlineData(Accounts.DistrictCurator, Stage.ClaimedAtDistrict, "Unclaim")]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Forward")]
    [InlineData(Accounts.DepartmentCurator, Stage.AtDepartment, "Reject")]
    [InlineData(Accounts.DepartmentCurator, Stage.ApprovedAtDepartment, "Publish")]
    [InlineData(Accounts.Contributor, Stage.Returned, "Submit")]
    public async Task The_same_transitions_are_allowed_to_the_user_whose_turn_it_is(string userName, Stage stage, string act)
    {
        var id = await ItemAtAsync(stage);
        var before = await RecordAsync(fixture, id);
        using var response = await PostActAsync(await As(userName), id, act, before?.ConcurrencyStamp, ("reasons", "Presentation"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual(before?.ConcurrencyStamp, (await RecordAsync(fixture, id))?.ConcurrencyStamp);
    }

    [Fact]
    public async Task Nobody_decides_on_a_submission_they_submitted_not_even_a_curator_or_the_administrator()
    {
        // A district curator submits a school's draft (they may edit it): at their own step they may not decide.
        var district = await As(Accounts.DistrictCurator);
        var id = await ItemAtAsync(Stage.Draft);
        await ActOkAsync(district, id, "Submit");
        Assert.Equal(await SystemAdmin.UserIdAsync(fixture, Accounts.DistrictCurator), (await RequireRecordAsync(fixture, id)).SubmittedByUserId);
        foreach (var act in new[] { "Approve", "ApproveAndPublish", "Forward", "Return", "Reject" })
        {
            using var response = await PostActAsync(district, id, act, await CurrentStampAsync(fixture, id), ("reasons", "Presentation"));
            await AssertRefusedAsync(response, HttpStatusCode.Forbidden, OwnSubmission, $"The submitting curator tries {act}");
        }

        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);

        // The administrator reviews at every step, but not what they own and submit themselves.
        var admin = await As(Accounts.Administrator);
        var own = (await DraftAsync(fixture, "Bản của quản trị", owner: Accounts.Administrator)).ContentItemId;
        await ActOkAsync(admin, own, "Submit");
        foreach (var act in new[] { "Approve", "Forward", "Return" })
        {
            using var response = await PostActAsync(admin, own, act, await CurrentStampAsync(fixture, own), ("reasons", "Presentation"));
            await AssertRefusedAsync(response, HttpStatusCode.Forbidden, OwnSubmission, $"The administrator tries {act} on their own submission");
        }

        // The review page offers them no decision either.
        var (_, page) = await admin.GetPageAsync(ReviewUrl(own));
        Assert.Null(page.QuerySelector("form.decide-form"));
    }

    [Fact]
    public async Task A_withdrawn_item_was_withdrawable_only_before_it_was_claimed()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var id = await ItemAtAsync(Stage.AtDistrict);

        // Before the claim: the editor page offers "Rút lại", and it works.
        var (_, editor) = await contributor.GetPageAsync(EditorUrl(id));
        Assert.Contains(editor.QuerySelectorAll("aside.workflow-panel button"), b => TextOf(b) == "Rút lại");
        await ActOkAsync(contributor, id, "Withdraw");
        Assert.Equal(SubmissionState.Withdrawn, (await RequireRecordAsync(fixture, id)).State);

        // Withdrawn twice: refused.
        using (var twice = await PostActAsync(contributor, id, "Withdraw", await CurrentStampAsync(fixture, id)))
        {
            await AssertRefusedAsync(twice, HttpStatusCode.Forbidden, NotInState, "Withdrawing a withdrawn item");
        }

        // Submitted again and claimed: the button is gone and the request is refused.
        await ActOkAsync(contributor, id, "Submit");
        await ActOkAsync(district, id, "Claim");
        (_, editor) = await contributor.GetPageAsync(EditorUrl(id));
        Assert.DoesNotContain(editor.QuerySelectorAll("aside.workflow-panel button"), b => TextOf(b) == "Rút lại");
        using (var late = await PostActAsync(contributor, id, "Withdraw", await CurrentStampAsync(fixture, id)))
        {
            await AssertRefusedAsync(late, HttpStatusCode.Forbidden, NotInState, "Withdrawing a claimed item");
        }

        Assert.Equal(SubmissionState.InReview, (await RequireRecordAsync(fixture, id)).State);

        // Put back in the queue, it may be withdrawn again.
        await ActOkAsync(district, id, "Unclaim");
        await ActOkAsync(contributor, id, "Withdraw");
        Assert.Equal(SubmissionState.Withdrawn, (await RequireRecordAsync(fixture, id)).State);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_nothing_changes()
    {
        var id = await ItemAtAsync(Stage.AtDistrict);
        var stamp = await CurrentStampAsync(fixture, id);
        using var anonymous = fixture.CreateClient();
        foreach (var url in new[] { Queue, ReviewUrl(id) })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/admin/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var post = await anonymous.PostAsync(ReviewUrl(id), new FormUrlEncodedContent(
            [new("act", "Approve"), new("stamp", stamp!)]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/admin/dang-nhap", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);
    }

    [Theory]
    [InlineData(Accounts.Contributor, Stage.Draft, "Submit")]
    [InlineData(Accounts.Contributor, Stage.AtDistrict, "Withdraw")]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Approve")]
    [InlineData(Accounts.DistrictCurator, Stage.AtDistrict, "Return")]
    public async Task A_form_without_the_anti_forgery_token_is_refused_with_400(string userName, Stage stage, string act)
    {
        var id = await ItemAtAsync(stage);
        var before = await RecordAsync(fixture, id);
        var client = await As(userName);
        var fields = new List<KeyValuePair<string, string>> { new("act", act), new("reasons", "Presentation") };
        if (before is not null)
        {
            fields.Add(new("stamp", before.ConcurrencyStamp));
        }

        using var response = await client.PostFormWithTokenAsync(ReviewUrl(id), fields, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before?.ConcurrencyStamp, (await RecordAsync(fixture, id))?.ConcurrencyStamp);

        // A forged token is no better.
        using var forged = await client.PostFormWithTokenAsync(ReviewUrl(id), fields, token: "CfDJ8-forged-token");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before?.ConcurrencyStamp, (await RecordAsync(fixture, id))?.ConcurrencyStamp);
    }

    [Fact]
    public async Task Unknown_actions_and_unknown_items_are_answered_with_400_and_404()
    {
        var district = await As(Accounts.DistrictCurator);
        var id = await ItemAtAsync(Stage.AtDistrict);
        using (var unknown = await PostActAsync(district, id, "Delete", await CurrentStampAsync(fixture, id)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("Thao tác không hợp lệ.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var missing = await PostActAsync(district, id, "", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }

        using (var nothing = await PostActAsync(district, "khong-co-bai-nay", "Approve", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(ReviewUrl("khong-co-bai-nay"))).Status);

        // Where the user goes next is never taken from the form: no redirect off the site.
        using (var offsite = await ActAsync(district, id, "Claim", ("returnTo", "https://example.com/")))
        {
            Assert.Equal(HttpStatusCode.Redirect, offsite.StatusCode);
            Assert.Equal(ReviewUrl(id), SystemAdmin.Location(offsite));
        }

        await ActOkAsync(district, id, "Unclaim");
        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);
    }

    [Fact]
    public async Task A_stale_stamp_is_a_conflict_even_for_an_allowed_action()
    {
        var district = await As(Accounts.DistrictCurator);
        var id = await ItemAtAsync(Stage.AtDistrict);
        var stale = await CurrentStampAsync(fixture, id);
        await ActOkAsync(district, id, "Claim");
        using var response = await PostActAsync(district, id, "Unclaim", stale);
        await AssertRefusedAsync(response, HttpStatusCode.Conflict, Conflict, "Unclaim with the stamp from before the claim");
        Assert.Equal(SubmissionState.InReview, (await RequireRecordAsync(fixture, id)).State);
    }
}
