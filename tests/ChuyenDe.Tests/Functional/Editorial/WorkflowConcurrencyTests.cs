using System.Net;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Tests.Functional.Admin;
using static ChuyenDe.Tests.Functional.Editorial.WorkflowSupport;

namespace ChuyenDe.Tests.Functional.Editorial;

/// <summary>
/// Two curators of the same district deciding at once: the first wins, the second is told clearly and keeps what
/// they typed; and nobody changes an item while it is being reviewed.
/// </summary>
public sealed class WorkflowConcurrencyTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private Task<AdminClient> As(string userName) => SystemAdmin.As(fixture.Factory, userName);

    /// <summary>A second DistrictCurator of Quận 1, made by the administrator through the users admin.</summary>
    private async Task<(AdminClient Client, string UserName)> SecondCuratorAsync()
    {
        var admin = await As(Accounts.Administrator);
        var userName = SystemAdmin.Unique("phong.quan1.");
        await SystemAdmin.CreateUserAsync(admin, userName, District, "DistrictCurator");
        return (await SystemAdmin.As(fixture.Factory, userName, SystemAdmin.Password), userName);
    }

    [Fact]
    public async Task Two_curators_decide_at_once_the_first_wins_and_the_second_gets_409_keeping_what_they_typed()
    {
        var contributor = await As(Accounts.Contributor);
        var first = await As(Accounts.DistrictCurator);
        var (second, secondName) = await SecondCuratorAsync();
        var item = await DraftAsync(fixture, "Bé tự mặc áo");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");

        // Both open the review page and see the same state.
        var firstStamp = await PageStampAsync(first, id);
        var secondStamp = await PageStampAsync(second, id);
        Assert.NotNull(firstStamp);
        Assert.Equal(firstStamp, secondStamp);

        // The first approves.
        using (var approved = await PostActAsync(first, id, "Approve", firstStamp))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        // The second, still on the old page, returns it with reasons: 409, a clear message, the typed text kept.
        const string typed = "Ảnh số 3 chưa có đồng ý của cha mẹ; đề nghị thay ảnh khác.";
        using var late = await PostActAsync(second, id, "Return", secondStamp, ("reasons", "ConsentOrPrivacy"), ("reasonText", typed));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var page = await AdminClient.ParseAsync(late);
        Assert.Contains(Conflict, ErrorOf(page), StringComparison.Ordinal);
        var kept = page.QuerySelectorAll("textarea").Select(t => t.TextContent).ToList();
        Assert.True(kept.Any(t => t.Contains(typed, StringComparison.Ordinal)),
            "The reason the second curator typed is still on the page, to copy or send again. Text areas: " + string.Join(" | ", kept));

        // The page shows the state the first curator decided, and that is what is stored.
        Assert.Contains("Đã duyệt", TextOf(page.QuerySelector(".item-status")), StringComparison.Ordinal);
        var record = await RequireRecordAsync(fixture, id);
        Assert.Equal(SubmissionState.Approved, record.State);
        var transitions = await TransitionsAsync(fixture, id);
        Assert.DoesNotContain(transitions, t => t.Action == WorkflowAction.Return);
        Assert.Single(transitions, t => t.Action == WorkflowAction.Approve);
        Assert.DoesNotContain(await AuditAsync(fixture, id), a => a.Action is "Return" or "Returned" || a.ActorUserName == secondName);
    }

    [Fact]
    public async Task Two_decisions_sent_at_the_same_moment_one_wins_and_the_other_is_a_conflict_never_an_error()
    {
        var contributor = await As(Accounts.Contributor);
        var first = await As(Accounts.DistrictCurator);
        var (second, _) = await SecondCuratorAsync();
        for (var round = 0; round < 3; round++)
        {
            var id = (await DraftAsync(fixture, "Bé chơi xếp hình")).ContentItemId;
            await ActOkAsync(contributor, id, "Submit");
            var stamp = await PageStampAsync(first, id);
            var firstToken = await TokenAsync(first);
            var secondToken = await TokenAsync(second);

            // Both requests leave together.
            var approve = first.PostFormWithTokenAsync(ReviewUrl(id), [new("act", "Approve"), new("stamp", stamp!)], firstToken);
            var reject = second.PostFormWithTokenAsync(ReviewUrl(id), [new("act", "Reject"), new("stamp", stamp!), new("reasons", "Duplicate")], secondToken);
            var responses = await Task.WhenAll(approve, reject);
            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            foreach (var response in responses)
            {
                response.Dispose();
            }

            Assert.True(statuses.Count(s => s == 302) == 1 && statuses.Count(s => s == 409) == 1,
                $"One decision wins (302), the other is told (409): {string.Join(", ", statuses)}");
            var record = await RequireRecordAsync(fixture, id);
            var decisions = (await TransitionsAsync(fixture, id)).Where(t => t.Action is WorkflowAction.Approve or WorkflowAction.Reject).ToList();
            var winner = Assert.Single(decisions);
            Assert.Equal(winner.ToState, record.State);
            Assert.Equal(statuses[0] == 302 ? SubmissionState.Approved : SubmissionState.Rejected, record.State);
        }
    }

    [Fact]
    public async Task A_conflict_while_the_decision_is_still_open_keeps_the_typed_reasons_in_the_form_and_the_second_try_works()
    {
        var contributor = await As(Accounts.Contributor);
        var first = await As(Accounts.DistrictCurator);
        var (second, _) = await SecondCuratorAsync();
        var item = await DraftAsync(fixture, "Bé trồng rau");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");
        var stale = await PageStampAsync(second, id);

        // Meanwhile the first curator assigns a reviewer (the submission changes, still open for a decision).
        await ActOkAsync(first, id, "AssignReviewer", ("targetUserId", await SystemAdmin.UserIdAsync(fixture, Accounts.Reviewer)));

        const string typed = "Đề nghị ghi rõ độ tuổi áp dụng.";
        using var late = await PostActAsync(second, id, "Return", stale, ("reasons", "WrongClassification"), ("reasons", "Presentation"), ("reasonText", typed));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var page = await AdminClient.ParseAsync(late);
        Assert.Contains(Conflict, ErrorOf(page), StringComparison.Ordinal);
        var form = page.QuerySelector("form.decide-form") ?? throw new Xunit.Sdk.XunitException("The decision form is gone.");
        Assert.Equal(typed, form.QuerySelector("textarea[name='reasonText']")?.TextContent.Trim());
        var ticked = form.QuerySelectorAll("input[name='reasons']").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["WrongClassification", "Presentation"], ticked);
        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);

        // The fresh stamp on that page lets the second curator send it again.
        var fresh = StampOf(page);
        Assert.NotEqual(stale, fresh);
        using var retry = await PostActAsync(second, id, "Return", fresh, ("reasons", "WrongClassification"), ("reasonText", typed));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(SubmissionState.Returned, (await RequireRecordAsync(fixture, id)).State);
    }

    [Fact]
    public async Task A_submission_claimed_by_one_curator_cannot_be_decided_by_the_other_until_handed_over()
    {
        var contributor = await As(Accounts.Contributor);
        var first = await As(Accounts.DistrictCurator);
        var (second, secondName) = await SecondCuratorAsync();
        var item = await DraftAsync(fixture, "Bé chơi đóng vai bác sĩ");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");
        await ActOkAsync(first, id, "Claim");

        using (var denied = await PostActAsync(second, id, "Approve", await CurrentStampAsync(fixture, id)))
        {
            await AssertRefusedAsync(denied, HttpStatusCode.Forbidden, ClaimedByAnother, "The other curator approves a claimed submission");
        }

        // The queue shows who holds it.
        var (_, queue) = await second.GetPageAsync(Queue);
        Assert.Contains(WaitingRows(queue), r => TextOf(r).Contains(item.DisplayText, StringComparison.Ordinal)
                                                 && TextOf(r).Contains(Accounts.DistrictCurator + " đang duyệt", StringComparison.Ordinal));

        // Handed over, the second curator decides.
        var secondId = await SystemAdmin.UserIdAsync(fixture, secondName);
        await ActOkAsync(first, id, "Reassign", ("targetUserId", secondId));
        Assert.Equal(secondId, (await RequireRecordAsync(fixture, id)).ClaimedByUserId);
        using (var denied = await PostActAsync(first, id, "Approve", await CurrentStampAsync(fixture, id)))
        {
            await AssertRefusedAsync(denied, HttpStatusCode.Forbidden, ClaimedByAnother, "The first curator after handing over");
        }

        await ActOkAsync(second, id, "Approve");
        Assert.Equal(SubmissionState.Approved, (await RequireRecordAsync(fixture, id)).State);
    }

    [Fact]
    public async Task The_author_cannot_edit_or_delete_while_the_item_is_submitted_and_nothing_is_saved()
    {
        var contributor = await As(Accounts.Contributor);
        var item = await DraftAsync(fixture, "Bé tập đánh răng");
        var id = item.ContentItemId;

        // The edit form as loaded before submitting; then the item is submitted.
        var form = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(id));
        await ActOkAsync(contributor, id, "Submit");
        var before = (await ContentAdminSupport.LatestAsync(fixture, id))!;

        using var refused = await form.Set("Initiative.Summary", "Sửa trong lúc đang duyệt.").SubmitAsync(contributor);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True((int)refused.StatusCode < 500, $"A clear message, not a server error: {(int)refused.StatusCode}");
        var page = await AdminClient.ParseAsync(refused);
        Assert.Contains("đang được duyệt (bước 2/3): không thể sửa", Squash(page.Body!.TextContent), StringComparison.Ordinal);

        var after = (await ContentAdminSupport.LatestAsync(fixture, id))!;
        Assert.Equal(before.ContentItemVersionId, after.ContentItemVersionId);
        Assert.Equal("Tóm tắt ban đầu.", ContentAdminSupport.Text(after, "Initiative", "Summary"));

        // The editor page says why.
        var (_, editPage) = await contributor.GetPageAsync(EditUrl(id));
        Assert.Contains("Không thể sửa bài trong khi đang duyệt.", TextOf(editPage.QuerySelector("aside.workflow-panel")), StringComparison.Ordinal);

        // Deleting it is refused with the same reason; the item is still there.
        using (var delete = await SystemAdmin.PostAsync(contributor, EditorUrl(id) + "/xoa", EditorUrl(id) + "/xoa", ("confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
            var (_, landing) = await contributor.GetPageAsync(SystemAdmin.Location(delete)!);
            Assert.Contains("đang được duyệt (bước 2/3)", TextOf(landing.QuerySelector(".flash")), StringComparison.Ordinal);
        }

        Assert.NotNull(await ContentAdminSupport.LatestAsync(fixture, id));

        // Publishing it directly is refused too, even for the district curator who could otherwise publish.
        var district = await As(Accounts.DistrictCurator);
        var curatorForm = await ContentAdminSupport.EditFormAsync(district, EditUrl(id));
        using var publish = await curatorForm.SubmitAsync(district, "_action", "publish");
        Assert.NotEqual(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Null(await ContentAdminSupport.PublishedAsync(fixture, id));
        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);
    }
}
