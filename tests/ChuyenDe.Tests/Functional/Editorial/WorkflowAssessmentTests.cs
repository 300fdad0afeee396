using System.Net;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Editorial.WorkflowSupport;

namespace ChuyenDe.Tests.Functional.Editorial;

/// <summary>
/// Reviewers (Ban chất lượng) are assigned by the curator of the step, leave assessments (a rating per criterion and
/// a comment) that the curator sees, and never decide; a reviewer who is not assigned cannot assess.
/// </summary>
public sealed class WorkflowAssessmentTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private Task<AdminClient> As(string userName) => SystemAdmin.As(fixture.Factory, userName);

    [Fact]
    public async Task The_curator_assigns_a_reviewer_who_assesses_and_the_curator_sees_it_but_the_reviewer_cannot_decide()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var reviewer = await As(Accounts.Reviewer);
        var item = await DraftAsync(fixture, "Bé khám phá khu vườn");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");

        // Not assigned yet: not in the reviewer's queue, and an assessment is refused.
        var (_, before) = await reviewer.GetPageAsync(Queue);
        Assert.DoesNotContain(WaitingRows(before), r => TextOf(r).Contains(item.DisplayText, StringComparison.Ordinal));
        using (var early = await PostActAsync(reviewer, id, "Assess", await CurrentStampAsync(fixture, id), ("rating.crit-1", "4"), ("comment", "Chưa được phân công.")))
        {
            await AssertRefusedAsync(early, HttpStatusCode.Forbidden, NotAssigned, "An unassigned reviewer assesses");
        }

        // The curator's review page offers the reviewers of the district (bcl.quan1 among them).
        var reviewerId = await SystemAdmin.UserIdAsync(fixture, Accounts.Reviewer);
        var (_, review) = await district.GetPageAsync(ReviewUrl(id));
        var options = review.QuerySelectorAll("#assign-to option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(reviewerId, options);
        Assert.DoesNotContain(await SystemAdmin.UserIdAsync(fixture, Accounts.Contributor), options);
        await ActOkAsync(district, id, "AssignReviewer", ("targetUserId", reviewerId));

        // Assigning the same reviewer twice is refused with a message.
        using (var twice = await ActAsync(district, id, "AssignReviewer", ("targetUserId", reviewerId)))
        {
            await AssertRefusedAsync(twice, HttpStatusCode.BadRequest, "đã được phân công đánh giá bài này", "Assigning twice");
        }

        // A user who is not a reviewer of the district cannot be assigned.
        var outsider = await SystemAdmin.UserIdAsync(fixture, Accounts.OtherDistrictCurator);
        using (var wrong = await ActAsync(district, id, "AssignReviewer", ("targetUserId", outsider)))
        {
            await AssertRefusedAsync(wrong, HttpStatusCode.BadRequest, "Hãy chọn một người đánh giá thuộc đơn vị duyệt.", "Assigning a user of another district");
        }

        // The reviewer is told, finds it in the queue and sees the assessment form.
        var (_, notes) = await reviewer.GetPageAsync("/admin/thong-bao");
        Assert.Contains(notes.QuerySelectorAll("li.notification"), li => TextOf(li).Contains("Bạn được phân công: " + item.DisplayText, StringComparison.Ordinal));
        var (_, queue) = await reviewer.GetPageAsync(Queue);
        Assert.Contains(WaitingRows(queue), r => TextOf(r).Contains(item.DisplayText, StringComparison.Ordinal));
        var (status, assessPage) = await reviewer.GetPageAsync(ReviewUrl(id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(assessPage.QuerySelector("form.assess-form"));
        Assert.Null(assessPage.QuerySelector("form.decide-form"));
        Assert.Equal(5, assessPage.QuerySelectorAll("form.assess-form fieldset.rating").Length);

        // Out-of-range ratings and empty assessments are refused with a message.
        using (var bad = await ActAsync(reviewer, id, "Assess", ("rating.crit-1", "7")))
        {
            await AssertRefusedAsync(bad, HttpStatusCode.BadRequest, "Mỗi điểm đánh giá là một số nguyên từ 1 đến 5.", "A rating of 7");
        }

        using (var empty = await ActAsync(reviewer, id, "Assess", ("rating.crit-1", ""), ("comment", "  ")))
        {
            await AssertRefusedAsync(empty, HttpStatusCode.BadRequest, "Hãy chấm ít nhất một nội dung hoặc ghi nhận xét.", "An empty assessment");
        }

        const string comment = "Hoạt động phát huy tính chủ động của trẻ; nên bổ sung phiếu đánh giá sự tiến bộ.";
        await ActOkAsync(reviewer, id, "Assess", ("rating.crit-1", "4"), ("rating.crit-3", "5"), ("comment", comment));
        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State); // assessing decides nothing

        // The reviewer cannot decide or take the submission.
        foreach (var act in new[] { "Approve", "ApproveAndPublish", "Forward", "Claim" })
        {
            using var denied = await PostActAsync(reviewer, id, act, await CurrentStampAsync(fixture, id), ("reasons", "Presentation"));
            await AssertRefusedAsync(denied, HttpStatusCode.Forbidden, NoRight, $"A reviewer tries {act}");
        }

        using (var returned = await PostActAsync(reviewer, id, "Return", await CurrentStampAsync(fixture, id), ("reasons", "Presentation")))
        {
            await AssertRefusedAsync(returned, HttpStatusCode.Forbidden, NoRight, "A reviewer tries Return");
        }

        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);

        // The curator sees the assessment: the reviewer, each rating by criterion name, the comment.
        var (_, withAssessment) = await district.GetPageAsync(ReviewUrl(id));
        var section = withAssessment.QuerySelector("section[aria-labelledby='assessments-heading']")
                      ?? throw new Xunit.Sdk.XunitException("The review page does not show the assessments.");
        var text = TextOf(section);
        Assert.Contains(Accounts.Reviewer, text, StringComparison.Ordinal);
        Assert.Contains(comment, text, StringComparison.Ordinal);
        var ratings = section.QuerySelectorAll("ul.ratings li").Select(TextOf).ToList();
        Assert.Equal(2, ratings.Count);
        Assert.Contains(ratings, r => r.StartsWith("Xây dựng kế hoạch giáo dục", StringComparison.Ordinal) && r.EndsWith("4/5", StringComparison.Ordinal));
        Assert.Contains(ratings, r => r.StartsWith("Tổ chức các hoạt động giáo dục", StringComparison.Ordinal) && r.EndsWith("5/5", StringComparison.Ordinal));
        Assert.Contains(withAssessment.QuerySelectorAll("section[aria-labelledby='reviewers-heading'] li"), li => TextOf(li).Contains(Accounts.Reviewer, StringComparison.Ordinal));

        // Unassigned, the reviewer can no longer assess.
        await ActOkAsync(district, id, "UnassignReviewer", ("targetUserId", reviewerId));
        using (var late = await PostActAsync(reviewer, id, "Assess", await CurrentStampAsync(fixture, id), ("rating.crit-2", "3")))
        {
            await AssertRefusedAsync(late, HttpStatusCode.Forbidden, NotAssigned, "An unassigned reviewer assesses again");
        }

        var (_, afterQueue) = await reviewer.GetPageAsync(Queue);
        Assert.DoesNotContain(WaitingRows(afterQueue), r => TextOf(r).Contains(item.DisplayText, StringComparison.Ordinal));

        // The curator decides; the assessment is in the audit trail.
        await ActOkAsync(district, id, "Forward");
        Assert.Equal((SubmissionState.Submitted, 3), ((await RequireRecordAsync(fixture, id)).State, (await RequireRecordAsync(fixture, id)).Step));
        var audit = await AuditAsync(fixture, id);
        Assert.Contains(audit, a => a.ActorUserName == Accounts.Reviewer && a.Details != null && (a.Action is "Assessed" or "Assess"));
    }

    [Fact]
    public async Task A_second_reviewer_of_the_district_who_is_not_assigned_is_refused_while_the_assigned_one_is_accepted()
    {
        var admin = await As(Accounts.Administrator);
        var otherReviewer = SystemAdmin.Unique("bcl.quan1.");
        await SystemAdmin.CreateUserAsync(admin, otherReviewer, "phong-quan-1", "Reviewer");
        var other = await SystemAdmin.As(fixture.Factory, otherReviewer, SystemAdmin.Password);
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var item = await DraftAsync(fixture, "Bé chơi với cát và nước");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");
        await ActOkAsync(district, id, "AssignReviewer", ("targetUserId", await SystemAdmin.UserIdAsync(fixture, Accounts.Reviewer)));

        using (var refused = await PostActAsync(other, id, "Assess", await CurrentStampAsync(fixture, id), ("rating.crit-1", "3"), ("comment", "Tôi không được phân công.")))
        {
            await AssertRefusedAsync(refused, HttpStatusCode.Forbidden, NotAssigned, "A reviewer who is not assigned");
        }

        var (_, page) = await other.GetPageAsync(ReviewUrl(id));
        Assert.Null(page.QuerySelector("form.assess-form"));

        await ActOkAsync(await As(Accounts.Reviewer), id, "Assess", ("rating.crit-5", "2"), ("comment", "Cần phối hợp với cha mẹ nhiều hơn."));
        Assert.Empty(await fixture.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<WorkflowService>().AssessmentsAsync(id)).Where(a => a.ReviewerUserName == otherReviewer).ToList()));
    }
}
