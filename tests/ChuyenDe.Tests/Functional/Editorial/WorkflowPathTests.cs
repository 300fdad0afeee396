using System.Net;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Tests.Functional.Admin;
using static ChuyenDe.Tests.Functional.Editorial.WorkflowSupport;

namespace ChuyenDe.Tests.Functional.Editorial;

/// <summary>
/// The whole editorial path over HTTP, as the users click through it: a school submits an Initiative, its district
/// office returns it with reasons, the school fixes and resubmits (the diff is shown), the district forwards it, the
/// Department approves and publishes it and marks it exemplary; the public sees it and the audit trail has every step.
/// </summary>
public sealed class WorkflowPathTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private Task<AdminClient> As(string userName) => SystemAdmin.As(fixture.Factory, userName);

    [Fact]
    public async Task School_to_district_to_Department_published_and_exemplary_with_every_step_recorded()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var department = await As(Accounts.DepartmentCurator);

        // An older submission of the same school, so the queue's order can be seen.
        var older = await DraftAsync(fixture, "Góc đọc sách của bé");
        await ActOkAsync(contributor, older.ContentItemId, "Submit");
        await Task.Delay(1100);

        var item = await DraftAsync(fixture, "Bé tự phục vụ trong giờ ăn");
        var id = item.ContentItemId;
        var title = item.DisplayText;

        // The editor's page offers "Gửi duyệt" for the draft.
        var (status, editorPage) = await contributor.GetPageAsync(EditorUrl(id));
        Assert.Equal(HttpStatusCode.OK, status);
        var panel = editorPage.QuerySelector("aside.workflow-panel") ?? throw new Xunit.Sdk.XunitException("No workflow panel on the editor page.");
        Assert.Contains("Bản nháp", TextOf(panel), StringComparison.Ordinal);
        Assert.Contains(panel.QuerySelectorAll("button"), b => TextOf(b) == "Gửi duyệt");

        // 1. Submit from the editor: back to the editor page with a message naming the step.
        var location = await ActOkAsync(contributor, id, "Submit", ("returnTo", "editor"));
        Assert.Equal(EditorUrl(id), location);
        var (_, afterSubmit) = await contributor.GetPageAsync(location);
        Assert.Contains("Đã gửi duyệt (bước 2/3)", TextOf(afterSubmit.QuerySelector(".flash")), StringComparison.Ordinal);
        panel = afterSubmit.QuerySelector("aside.workflow-panel")!;
        Assert.Contains("Đã gửi, chờ duyệt", TextOf(panel), StringComparison.Ordinal);
        Assert.Contains("bước 2/3", TextOf(panel), StringComparison.Ordinal);
        Assert.DoesNotContain(panel.QuerySelectorAll("button"), b => TextOf(b) == "Gửi duyệt");
        Assert.Contains(panel.QuerySelectorAll("button"), b => TextOf(b) == "Rút lại");
        var record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Submitted, 2, 3, District), (record.State, record.Step, record.TotalSteps, record.ReviewOrganizationId));

        // 2. The district curator finds it in the queue, oldest first, at step 2/3, and is notified.
        var (queueStatus, queue) = await district.GetPageAsync(Queue);
        Assert.Equal(HttpStatusCode.OK, queueStatus);
        var rows = WaitingRows(queue).Select(TextOf).ToList();
        var olderIndex = rows.FindIndex(r => r.Contains(older.DisplayText, StringComparison.Ordinal));
        var itemIndex = rows.FindIndex(r => r.Contains(title, StringComparison.Ordinal));
        Assert.True(olderIndex >= 0 && itemIndex >= 0, "Both submissions wait in the district curator's queue: " + string.Join(" | ", rows));
        Assert.True(olderIndex < itemIndex, "The oldest submission comes first.");
        Assert.Contains("bước 2/3", rows[itemIndex], StringComparison.Ordinal);
        Assert.Contains("Trường Mầm non Bến Thành", rows[itemIndex], StringComparison.Ordinal);
        var (_, districtNotes) = await district.GetPageAsync("/admin/thong-bao");
        Assert.Contains(districtNotes.QuerySelectorAll("li.notification"), li => TextOf(li).Contains("Bài mới chờ duyệt: " + title, StringComparison.Ordinal));

        // 3. Claims it, then returns it with a predefined and a written reason.
        await ActOkAsync(district, id, "Claim");
        var (_, claimed) = await district.GetPageAsync(ReviewUrl(id));
        Assert.Contains("Đang duyệt", TextOf(claimed.QuerySelector(".item-status")), StringComparison.Ordinal);
        Assert.Equal(SubmissionState.InReview, (await RequireRecordAsync(fixture, id)).State);
        const string written = "Đề nghị bổ sung ảnh trẻ tự lấy khay và mô tả kết quả sau 3 tháng.";
        location = await ActOkAsync(district, id, "Return", ("reasons", "MissingEvidence"), ("reasonText", written));
        Assert.Equal(Queue, location);
        record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Returned, 1), (record.State, record.Step));

        // 4. The contributor sees the reasons on the editor pages and among the notifications.
        foreach (var url in new[] { EditorUrl(id), EditUrl(id) })
        {
            var (_, page) = await contributor.GetPageAsync(url);
            var reasons = page.QuerySelector("aside.workflow-panel .workflow-reasons") ?? throw new Xunit.Sdk.XunitException($"No reasons on {url}.");
            Assert.Contains("đã trả lại bài để chỉnh sửa", TextOf(reasons), StringComparison.Ordinal);
            Assert.Contains(ReasonMissingEvidence, TextOf(reasons), StringComparison.Ordinal);
            Assert.Contains(written, TextOf(reasons), StringComparison.Ordinal);
            Assert.Contains("Trả lại để sửa", TextOf(page.QuerySelector("aside.workflow-panel")), StringComparison.Ordinal);
        }

        var (_, notes) = await contributor.GetPageAsync("/admin/thong-bao");
        var returned = notes.QuerySelectorAll("li.notification").Where(li => TextOf(li).Contains("Bài được trả lại để chỉnh sửa: " + title, StringComparison.Ordinal)).ToList();
        var note = Assert.Single(returned);
        Assert.Contains(ReasonMissingEvidence, TextOf(note), StringComparison.Ordinal);
        Assert.Contains(written, TextOf(note), StringComparison.Ordinal);

        // 5. Editing is allowed again: the contributor fixes the summary and resubmits.
        var form = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(id));
        const string fixedSummary = "Trẻ tự lấy khay, tự xúc cơm và dọn bàn; sau 3 tháng 90% trẻ tự phục vụ.";
        using (var saved = await form.Set("Initiative.Summary", fixedSummary).SubmitAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(fixedSummary, ContentAdminSupport.Text((await ContentAdminSupport.LatestAsync(fixture, id))!, "Initiative", "Summary"));
        await ActOkAsync(contributor, id, "Submit", ("returnTo", "editor"));
        record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Submitted, 2, 2), (record.State, record.Step, record.Round));

        // 6. The review page links to the comparison with the previous submission, which shows the change.
        var (_, review) = await district.GetPageAsync(ReviewUrl(id));
        var compare = review.QuerySelectorAll("a").FirstOrDefault(a => TextOf(a) == "So sánh với lần gửi trước")
                      ?? throw new Xunit.Sdk.XunitException("No link to compare with the previous submission.");
        var diffUrl = compare.GetAttribute("href")!;
        var (diffStatus, diff) = await district.GetPageAsync(diffUrl);
        Assert.Equal(HttpStatusCode.OK, diffStatus);
        var summary = diff.QuerySelector("section.diff-field[data-field='Initiative.Summary']")
                      ?? throw new Xunit.Sdk.XunitException("The comparison does not show the changed summary.");
        Assert.Contains(summary.QuerySelectorAll("ins"), ins => TextOf(ins).Contains("dọn bàn", StringComparison.Ordinal));
        Assert.Contains(summary.QuerySelectorAll("del"), del => TextOf(del).Contains("ban đầu", StringComparison.Ordinal));

        // 7. The district forwards it to the Department: step 3/3 in the Department's queue, gone from the district's.
        location = await ActOkAsync(district, id, "Forward");
        record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Submitted, 3, Department), (record.State, record.Step, record.ReviewOrganizationId));
        var (_, districtQueue) = await district.GetPageAsync(Queue);
        Assert.DoesNotContain(WaitingRows(districtQueue), r => TextOf(r).Contains(title, StringComparison.Ordinal));
        var (_, departmentQueue) = await department.GetPageAsync(Queue);
        var row = WaitingRows(departmentQueue).FirstOrDefault(r => TextOf(r).Contains(title, StringComparison.Ordinal))
                  ?? throw new Xunit.Sdk.XunitException("The forwarded submission is not in the Department's queue.");
        Assert.Contains("bước 3/3", TextOf(row), StringComparison.Ordinal);
        var (_, departmentNotes) = await department.GetPageAsync("/admin/thong-bao");
        Assert.Single(departmentNotes.QuerySelectorAll("li.notification"), li => TextOf(li).Contains("Bài mới chờ duyệt: " + title, StringComparison.Ordinal));

        // 8. The Department approves and publishes in one step; the public page answers.
        await ActOkAsync(department, id, "ApproveAndPublish");
        record = await RequireRecordAsync(fixture, id);
        Assert.Equal(SubmissionState.Published, record.State);
        Assert.Equal("Province", record.ApprovedLevel);
        var published = await ContentAdminSupport.PublishedAsync(fixture, id) ?? throw new Xunit.Sdk.XunitException("The item was not published.");
        Assert.Equal(fixedSummary, ContentAdminSupport.Text(published, "Initiative", "Summary"));
        var path = "/" + published.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        using var anonymous = fixture.CreateClient();
        using (var publicPage = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
            Assert.Contains(title, await publicPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // 9. The Department marks it exemplary through the curation form; the public list shows it.
        var (_, reviewPublished) = await department.GetPageAsync(ReviewUrl(id));
        var curate = reviewPublished.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == CurationController.ItemUrl(id));
        Assert.NotNull(curate);
        using (var marked = await SystemAdmin.PostAsync(department, CurationController.ItemUrl(id), CurationController.ItemUrl(id) + "/dien-hinh",
                   ("ExemplaryLevel", "level-tinh-thanh"), ("ExemplaryCitation", "Cách làm đơn giản, trẻ tự lập rõ rệt; nhân rộng cho các trường.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        using (var exemplary = await anonymous.GetAsync("/san-pham-dien-hinh"))
        {
            Assert.Equal(HttpStatusCode.OK, exemplary.StatusCode);
            Assert.Contains(title, await exemplary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // 10. The author was told of the return, the approval and the publication: once each.
        var contributorId = await SystemAdmin.UserIdAsync(fixture, Accounts.Contributor);
        var toAuthor = (await NotificationsAsync(fixture, id)).Where(n => n.UserId == contributorId).Select(n => n.Subject).ToList();
        Assert.Equal(["Bài được trả lại để chỉnh sửa: " + title, "Đã được duyệt: " + title, "Đã đăng: " + title], toAuthor);
        Assert.All((await NotificationsAsync(fixture, id)).GroupBy(n => (n.UserId, n.EventKey)), g => Assert.Single(g));

        // 11. The audit trail, as the administrator sees it, has every step with who did it and the reasons.
        var admin = await As(Accounts.Administrator);
        var (auditStatus, audit) = await admin.GetPageAsync("/admin/nhat-ky?noi-dung=" + Uri.EscapeDataString(id));
        Assert.Equal(HttpStatusCode.OK, auditStatus);
        var auditRows = audit.QuerySelectorAll("table.audit-table tbody tr").ToList();
        var actions = auditRows.Select(r => TextOf(r.QuerySelector("td.audit-action .audit-action-text"))).ToList();
        var shown = string.Join(" | ", actions);
        foreach (var (action, times) in new[]
                 {
                     ("Gửi duyệt", 2), ("Nhận xử lý", 1), ("Trả lại để chỉnh sửa", 1), ("Chuyển lên cấp trên", 1), ("Phê duyệt", 1),
                     ("Xuất bản", 1), ("Công nhận sản phẩm điển hình", 1),
                 })
        {
            Assert.True(actions.Count(a => a == action) >= times, $"The audit trail shows “{action}” {times}×: {shown}");
        }

        var returnRow = auditRows.First(r => TextOf(r.QuerySelector("td.audit-action .audit-action-text")) == "Trả lại để chỉnh sửa");
        Assert.Contains(written, TextOf(returnRow), StringComparison.Ordinal);
        Assert.Contains(Accounts.DistrictCurator, TextOf(returnRow.QuerySelector("td.audit-actor")), StringComparison.Ordinal);

        // The filter by action finds the workflow's entries (the list of actions offers "Submitted").
        var (_, submittedOnly) = await admin.GetPageAsync("/admin/nhat-ky?hanh-dong=Submitted&noi-dung=" + Uri.EscapeDataString(id));
        Assert.Equal(2, submittedOnly.QuerySelectorAll("table.audit-table tbody tr").Length);

        // The details speak Vietnamese too: states in words, not the code's names.
        var details = string.Join(" | ", auditRows.Select(r => TextOf(r.QuerySelector("td.audit-details"))));
        foreach (var english in new[] { "Submitted →", "InReview", "→ Returned", "→ Approved", "→ Published" })
        {
            Assert.DoesNotContain(english, details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Workflow_notifications_name_their_kind_in_words_on_the_notifications_page()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var item = await DraftAsync(fixture, "Bé chăm sóc cây xanh");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");
        await ActOkAsync(district, id, "Return", ("reasons", "Presentation"));

        static string KindOf(AngleSharp.Html.Dom.IHtmlDocument page, string subject)
            => TextOf(page.QuerySelectorAll("li.notification").FirstOrDefault(li => TextOf(li).Contains(subject, StringComparison.Ordinal))
                    ?.QuerySelector(".notification-kind"));

        var (_, curatorNotes) = await district.GetPageAsync("/admin/thong-bao");
        var (_, authorNotes) = await contributor.GetPageAsync("/admin/thong-bao");
        Assert.Equal(("Bài mới gửi duyệt", "Trả lại để chỉnh sửa"),
            (KindOf(curatorNotes, "Bài mới chờ duyệt: " + item.DisplayText), KindOf(authorNotes, "Bài được trả lại để chỉnh sửa: " + item.DisplayText)));
    }

    [Fact]
    public async Task Each_queue_shows_only_what_waits_for_that_unit_and_the_filters_narrow_it()
    {
        var contributor = await As(Accounts.Contributor);
        var item = await DraftAsync(fixture, "Bé kể chuyện theo tranh");

        // Saved once through the editor, as a contributor's draft is (the form stores each field's taxonomy).
        var form = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(item.ContentItemId));
        using (var saved = await form.SubmitAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await ActOkAsync(contributor, item.ContentItemId, "Submit");
        var title = item.DisplayText;

        async Task<bool> ListedAsync(string userName, string query = "")
        {
            var (status, page) = await (await As(userName)).GetPageAsync(Queue + query);
            Assert.Equal(HttpStatusCode.OK, status);
            return WaitingRows(page).Any(r => TextOf(r).Contains(title, StringComparison.Ordinal));
        }

        // At step 2 it waits for Quận 1 only: not for another district, not yet for the Department, not for a reviewer.
        Assert.True(await ListedAsync(Accounts.DistrictCurator));
        Assert.False(await ListedAsync(Accounts.OtherDistrictCurator));
        Assert.False(await ListedAsync(Accounts.DepartmentCurator));
        Assert.False(await ListedAsync(Accounts.Reviewer));

        // The filters (the draft has criterion crit-2 and school year 2024–2025).
        foreach (var query in new[] { "?criterion=crit-2", "?year=sy-2024-2025", "?type=Initiative", "?org=truong-mn-ben-thanh", "?district=phong-quan-1" })
        {
            Assert.True(await ListedAsync(Accounts.DistrictCurator, query), "Listed with the filter " + query);
        }

        Assert.False(await ListedAsync(Accounts.DistrictCurator, "?criterion=crit-5"));
        Assert.False(await ListedAsync(Accounts.DistrictCurator, "?type=Article"));
        Assert.False(await ListedAsync(Accounts.DistrictCurator, "?org=truong-mn-cuu-long"));

        // The contributor has no queue of others' work, only their own submissions.
        var (_, mine) = await contributor.GetPageAsync(Queue);
        Assert.Empty(WaitingRows(mine));
        Assert.Contains(title, TextOf(mine.GetElementById("bai-cua-toi")?.ParentElement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_of_a_published_item_goes_through_review_while_the_public_keeps_the_published_version()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var item = await DraftAsync(fixture, "Bé đi siêu thị");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");
        await ActOkAsync(district, id, "ApproveAndPublish");
        var path = "/" + (await ContentAdminSupport.PublishedAsync(fixture, id))!.Part("AutoroutePart")!["Path"]!.GetValue<string>();
        using var anonymous = fixture.CreateClient();
        async Task<string> PublicAsync()
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Nội dung ban đầu của sáng kiến.", await PublicAsync(), StringComparison.Ordinal);

        // The author revises the published item (allowed: it is not under review) and submits the revision.
        var form = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(id));
        using (var saved = await form.Set("MarkdownBodyPart.Markdown", "Nội dung sửa lần hai, có thêm ảnh minh chứng.").SubmitAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await ActOkAsync(contributor, id, "Submit");
        var record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Submitted, 2, 2), (record.State, record.Step, record.Round));

        // While it is reviewed, the public still reads the published version.
        var during = await PublicAsync();
        Assert.Contains("Nội dung ban đầu của sáng kiến.", during, StringComparison.Ordinal);
        Assert.DoesNotContain("Nội dung sửa lần hai", during, StringComparison.Ordinal);

        await ActOkAsync(district, id, "ApproveAndPublish");
        Assert.Equal(SubmissionState.Published, (await RequireRecordAsync(fixture, id)).State);
        Assert.Contains("Nội dung sửa lần hai, có thêm ảnh minh chứng.", await PublicAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_item_that_fails_the_publish_checks_is_not_published_and_can_be_sent_back_to_be_fixed()
    {
        // A photo of the contributor's school (a recipe's sample photo may be chosen by administrators only).
        var image = await ContentAdminSupport.SchoolImageAsync(fixture);
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var item = await DraftAsync(fixture, "Góc thiên nhiên của bé");
        var id = item.ContentItemId;

        // A photo of children with its description but without the parents' consent: fine for a draft.
        var form = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(id));
        using (var saved = await form.Set("Initiative.Images", image).Set($"Initiative.Images.MediaText[{image}]", "Trẻ tưới cây").SubmitAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await ActOkAsync(contributor, id, "Submit");

        // Approve and publish at once: the publication is refused with the reason, and nothing at all changes.
        using (var both = await ActAsync(district, id, "ApproveAndPublish"))
        {
            await AssertRefusedAsync(both, HttpStatusCode.BadRequest, "Chưa đăng được bài", "Approve and publish without consent");
        }

        Assert.Null(await ContentAdminSupport.PublishedAsync(fixture, id));
        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);

        // Approved first, the publication is refused the same way, and the item waits approved.
        await ActOkAsync(district, id, "Approve");
        using (var publish = await ActAsync(district, id, "Publish"))
        {
            await AssertRefusedAsync(publish, HttpStatusCode.BadRequest, "Chưa đăng được bài", "Publish without consent");
        }

        Assert.Null(await ContentAdminSupport.PublishedAsync(fixture, id));
        Assert.Equal(SubmissionState.Approved, (await RequireRecordAsync(fixture, id)).State);

        // Nobody may change an approved item, so it must not be stuck: the curator sends it back with the reason,
        // and the author can add the consent and submit it again.
        await ActOkAsync(district, id, "Return", ("reasons", "ConsentOrPrivacy"));
        Assert.Equal(SubmissionState.Returned, (await RequireRecordAsync(fixture, id)).State);
        var fix = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(id));
        using (var fixedDraft = await fix.Set("ConsentPart.Confirmed", "true").SubmitAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Redirect, fixedDraft.StatusCode);
        }
    }

    [Fact]
    public async Task The_district_may_approve_at_its_level_and_publish_and_the_item_shows_the_district_level()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var item = await DraftAsync(fixture, "Trò chơi dân gian ngoài sân");
        var id = item.ContentItemId;

        await ActOkAsync(contributor, id, "Submit");
        await ActOkAsync(district, id, "Approve");
        var record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Approved, "District"), (record.State, record.ApprovedLevel));
        Assert.Null(await ContentAdminSupport.PublishedAsync(fixture, id));

        // Approved and waiting: nobody can change it, and the author is told.
        var (_, editor) = await contributor.GetPageAsync(EditorUrl(id));
        Assert.Contains("Đã duyệt", TextOf(editor.QuerySelector("aside.workflow-panel")), StringComparison.Ordinal);
        Assert.Contains("Cấp quận, huyện", TextOf(editor.QuerySelector("aside.workflow-panel")), StringComparison.Ordinal);

        // The approved item waits in the curator's queue to be published.
        var (_, queue) = await district.GetPageAsync(Queue);
        Assert.Contains(WaitingRows(queue), r => TextOf(r).Contains(item.DisplayText, StringComparison.Ordinal));

        var location = await ActOkAsync(district, id, "Publish");
        Assert.Equal(ReviewUrl(id), location);
        Assert.Equal(SubmissionState.Published, (await RequireRecordAsync(fixture, id)).State);
        Assert.NotNull(await ContentAdminSupport.PublishedAsync(fixture, id));
        var (_, after) = await district.GetPageAsync(location);
        Assert.Contains("Đã đăng: bài đã có trên trang công khai.", TextOf(after.QuerySelector(".flash")), StringComparison.Ordinal);
        Assert.Contains("Cấp quận, huyện", TextOf(after.QuerySelector(".item-status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_submission_tells_the_author_why_and_can_be_fixed_and_submitted_again()
    {
        var contributor = await As(Accounts.Contributor);
        var district = await As(Accounts.DistrictCurator);
        var item = await DraftAsync(fixture, "Bé làm quen chữ cái");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit");

        // A reason is required: without one nothing changes and the curator is told so.
        using (var noReason = await ActAsync(district, id, "Reject"))
        {
            await AssertRefusedAsync(noReason, HttpStatusCode.BadRequest, NeedReason, "Reject without a reason");
        }

        using (var unknown = await ActAsync(district, id, "Reject", ("reasons", "NotAReason")))
        {
            await AssertRefusedAsync(unknown, HttpStatusCode.BadRequest, "Lý do đã chọn không có trong danh sách.", "An unknown reason code");
        }

        Assert.Equal(SubmissionState.Submitted, (await RequireRecordAsync(fixture, id)).State);

        await ActOkAsync(district, id, "Reject", ("reasons", "Duplicate"));
        Assert.Equal(SubmissionState.Rejected, (await RequireRecordAsync(fixture, id)).State);
        var (_, editor) = await contributor.GetPageAsync(EditorUrl(id));
        var panel = TextOf(editor.QuerySelector("aside.workflow-panel"));
        Assert.Contains("Không được chấp nhận", panel, StringComparison.Ordinal);
        Assert.Contains("Trùng với học liệu đã có trong kho", panel, StringComparison.Ordinal);

        var (_, notes) = await contributor.GetPageAsync("/admin/thong-bao");
        Assert.Contains(notes.QuerySelectorAll("li.notification"), li => TextOf(li).Contains("Không được chấp nhận: " + item.DisplayText, StringComparison.Ordinal));

        // Rejected is final for this submission: it cannot be sent again as it is.
        using var again = await ActAsync(contributor, id, "Submit");
        await AssertRefusedAsync(again, HttpStatusCode.Forbidden, NotInState, "Submitting a rejected item again");
    }

    [Fact]
    public async Task The_author_withdraws_before_review_edits_and_submits_again()
    {
        var contributor = await As(Accounts.Contributor);
        var item = await DraftAsync(fixture, "Đồ chơi từ vật liệu tái chế");
        var id = item.ContentItemId;
        await ActOkAsync(contributor, id, "Submit", ("returnTo", "editor"));

        var location = await ActOkAsync(contributor, id, "Withdraw", ("returnTo", "editor"));
        Assert.Equal(EditorUrl(id), location);
        var (_, page) = await contributor.GetPageAsync(location);
        Assert.Contains("Đã rút lại bài; bạn có thể tiếp tục chỉnh sửa.", TextOf(page.QuerySelector(".flash")), StringComparison.Ordinal);
        Assert.Contains("Đã rút lại", TextOf(page.QuerySelector("aside.workflow-panel")), StringComparison.Ordinal);
        Assert.Equal(SubmissionState.Withdrawn, (await RequireRecordAsync(fixture, id)).State);

        // No longer in the district's queue.
        var (_, queue) = await (await As(Accounts.DistrictCurator)).GetPageAsync(Queue);
        Assert.DoesNotContain(WaitingRows(queue), r => TextOf(r).Contains(item.DisplayText, StringComparison.Ordinal));

        var form = await ContentAdminSupport.EditFormAsync(contributor, EditUrl(id));
        using (var saved = await form.Set("Initiative.Summary", "Tóm tắt sau khi rút lại.").SubmitAsync(contributor))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await ActOkAsync(contributor, id, "Submit");
        var record = await RequireRecordAsync(fixture, id);
        Assert.Equal((SubmissionState.Submitted, 2), (record.State, record.Round));

        // "My submissions" lists it with its state and step.
        var (_, mine) = await contributor.GetPageAsync(Queue);
        var section = mine.GetElementById("bai-cua-toi")?.ParentElement ?? throw new Xunit.Sdk.XunitException("No “my submissions” section.");
        Assert.Contains(section.QuerySelectorAll("tr"), tr => TextOf(tr).Contains(item.DisplayText, StringComparison.Ordinal) && TextOf(tr).Contains("bước 2/3", StringComparison.Ordinal));
    }
}
