using System.Globalization;
using System.Net;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// A unit's report returned and resubmitted, on both databases: the school is notified of the return (reason, sections,
/// link) and of the acceptance; the review page shows on top what changed since the returned submission (the section
/// named in the return marked, its words and the changed figure); the history pages of the unit and of the reviewer
/// list versions and decisions and compare two versions; other units get 404, users without the permission 403.
/// </summary>
public abstract class UnitReportHistoryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private const string BenThanh = "truong-mn-ben-thanh";

    private static string Mine(int id) => $"/admin/bao-cao/cua-don-vi/{id}";

    private static string Review(int id) => $"/admin/bao-cao/{id}/don-vi/{BenThanh}";

    private async Task<int> OpenRoundAsync(AdminClient district)
    {
        var id = await CreateRoundAsync(fixture, district, Unique("Lịch sử báo cáo "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var deadline = (DateTime.UtcNow.AddDays(10) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    /// <summary>The school's form with every section and figure filled (<paramref name="whole"/> for whole numbers), then one section replaced.</summary>
    private async Task<List<(string Name, string Value)>> FilledAsync(AdminClient school, int id, string whole, string sectionKey, string sectionText)
    {
        var fields = await FilledReportFormAsync(fixture, school, id, "Nhà trường đã thực hiện nội dung này.", whole);

        return fields.With("section-" + sectionKey, sectionText);
    }

    private async Task SaveAsync(AdminClient school, int id, List<(string Name, string Value)> fields, string action)
    {
        using var response = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", action)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<List<NotificationView>> NotificationsAsync(string userName, string kind, int roundId)
        => await fixture.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName);
            var page = await sp.GetRequiredService<INotificationInbox>().ListAsync(user!.Id, 1, 100);
            return page.Items.Where(n => n.Kind == kind && n.Url == Mine(roundId)).ToList();
        });

    [SkippableFact]
    public async Task A_returned_report_resubmitted_shows_what_changed_the_unit_is_told_and_both_histories_compare_versions()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district);
        var round = await RoundAsync(fixture, id);
        var leaves = UnitReports.Sections(ReportJson.ReadOutline(round.OutlineJson)).Select(s => s.Section).Where(s => s.Children.Count == 0).ToList();
        var concerned = leaves[^1];
        var untouched = leaves[0];
        var whole = ReportJson.ReadIndicators(round.IndicatorsJson).First(i => i.Kind == IndicatorKind.WholeNumber);
        var school = await As(fixture.Factory, Accounts.Contributor);
        using (var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        // Version 1: a draft; version 2: the submission that will be returned.
        await SaveAsync(school, id, await FilledAsync(school, id, "1234", concerned.Key, "Bản nháp đầu tiên."), "draft");
        await SaveAsync(school, id, await FilledAsync(school, id, "1234", concerned.Key, "Nhà trường đã tổ chức 3 buổi tập huấn."), "submit");

        const string reason = "Đề nghị nêu rõ số giáo viên được tập huấn.";
        using (var returned = await PostAsync(district, Review(id), Review(id) + "/tra-lai", ("Reason", reason), ("Sections", concerned.Key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        // The school is told: the reason, the section, a link to its report; the one who returned it is not.
        var told = Assert.Single(await NotificationsAsync(Accounts.Contributor, UnitReportReviewService.ReturnedKind, id));
        Assert.Contains(round.Title, told.Subject);
        Assert.StartsWith("Báo cáo bị trả lại", told.Subject);
        Assert.Contains(reason, told.Body);
        Assert.Contains(concerned.Title, told.Body);
        Assert.Empty(await NotificationsAsync(Accounts.DistrictCurator, UnitReportReviewService.ReturnedKind, id));

        // Version 3: the section named is changed and one figure; submitted again.
        await SaveAsync(school, id, await FilledAsync(school, id, "1300", concerned.Key, "Nhà trường đã tổ chức 5 buổi tập huấn cho 24 giáo viên."), "submit");

        // The review queue lists the resubmitted report for the round's owner (not for another district).
        var (queueStatus, queue) = await district.GetPageAsync("/admin/duyet");
        Assert.Equal(HttpStatusCode.OK, queueStatus);
        var queued = queue.QuerySelector($".review-queue-other a[href='{Review(id)}']");
        Assert.NotNull(queued);
        Assert.Contains(round.Title, queued.TextContent);
        Assert.StartsWith("Báo cáo của các đơn vị chờ xem xét", Text(queue, ".review-queue-other h2"));
        var (_, otherQueue) = await (await As(fixture.Factory, Accounts.OtherDistrictCurator)).GetPageAsync("/admin/duyet");
        Assert.Null(otherQueue.QuerySelector($".review-queue-other a[href='{Review(id)}']"));

        // The review page: the changes since the returned submission on top, the section named marked.
        var (status, page) = await district.GetPageAsync(Review(id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Thay đổi so với lần nộp bị trả lại", Text(page, "#thay-doi h2"));
        Assert.Contains(reason, Text(page, "#thay-doi .review-reason"));
        var section = page.QuerySelector($"#thay-doi .report-diff-section[data-section='{concerned.Key}']")!;
        Assert.NotNull(section);
        Assert.Contains("report-diff-marked", section.ClassName);
        Assert.Equal("được nêu khi trả lại", section.QuerySelector(".report-returned-section")!.TextContent.Trim());
        Assert.Contains("3", section.QuerySelectorAll("del").Select(d => d.TextContent));
        Assert.Contains(section.QuerySelectorAll("ins").Select(d => d.TextContent), t => t.Contains('5'));
        Assert.Null(page.QuerySelector($"#thay-doi .report-diff-section[data-section='{untouched.Key}']"));
        var figure = page.QuerySelector($"#thay-doi tr[data-indicator='{whole.Key}']")!;
        Assert.Equal(("1.234", "1.300"), (figure.QuerySelector("del")!.TextContent, figure.QuerySelector("ins")!.TextContent));
        Assert.Equal($"{Review(id)}/lich-su", page.QuerySelector(".report-history-link a")!.GetAttribute("href"));

        // The reviewer's history: the two submissions and the return, newest first (the unit's draft is not shown); compare 3 with 2.
        var (_, history) = await district.GetPageAsync(Review(id) + "/lich-su");
        var rows = history.QuerySelectorAll(".report-history-table tbody tr").Select(r => r.ClassName ?? "").ToList();
        Assert.Equal(["history-version history-submitted", "history-decision history-returned", "history-version history-submitted"], rows);
        Assert.Null(history.QuerySelector("#phien-ban-1"));
        Assert.Contains(reason, Text(history, ".history-returned .review-reason"));
        var link = history.QuerySelector("#phien-ban-3 a.compare-link")!.GetAttribute("href")!;
        Assert.Equal($"{Review(id)}/lich-su?tu=2&den=3#so-sanh", link);
        var (_, compared) = await district.GetPageAsync(link.Split('#')[0]);
        Assert.Equal("Thay đổi từ phiên bản 2 đến phiên bản 3", Text(compared, "#so-sanh h2"));
        Assert.NotNull(compared.QuerySelector($"#so-sanh .report-diff-section[data-section='{concerned.Key}'] .diff-line.diff-modified"));

        // A number that is no version, or the unit's draft: a Vietnamese message, no comparison, no error page.
        foreach (var query in new[] { "?tu=9&den=3", "?tu=1&den=3" })
        {
            var (badStatus, bad) = await district.GetPageAsync(Review(id) + "/lich-su" + query);
            Assert.Equal(HttpStatusCode.OK, badStatus);
            Assert.Equal("Hãy chọn hai phiên bản khác nhau trong danh sách.", Text(bad, ".report-compare-error"));
            Assert.Null(bad.QuerySelector("#so-sanh"));
        }

        // The unit's own history: the same versions, linked from its report page.
        var (_, mine) = await school.GetPageAsync(Mine(id));
        Assert.Equal(Mine(id) + "/lich-su", mine.QuerySelector(".report-history-link a")!.GetAttribute("href"));
        var (ownStatus, own) = await school.GetPageAsync(Mine(id) + "/lich-su?den=3");
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal(4, own.QuerySelectorAll(".report-history-table tbody tr").Length);
        Assert.Equal("Thay đổi từ phiên bản 2 đến phiên bản 3", Text(own, "#so-sanh h2"));
        // Two chosen versions, in either order: the draft 1 with the latest 3.
        var (_, chosen) = await school.GetPageAsync(Mine(id) + "/lich-su?tu=3&den=1");
        Assert.Equal("Thay đổi từ phiên bản 1 đến phiên bản 3", Text(chosen, "#so-sanh h2"));
        Assert.Contains("Bản nháp đầu tiên.", chosen.QuerySelector($"#so-sanh .report-diff-section[data-section='{concerned.Key}']")!.TextContent);

        // Accepted: the school is told.
        using (var accepted = await PostAsync(district, Review(id), Review(id) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var (_, queueAfter) = await district.GetPageAsync("/admin/duyet");
        Assert.Null(queueAfter.QuerySelector($".review-queue-other a[href='{Review(id)}']"));
        var acceptance = Assert.Single(await NotificationsAsync(Accounts.Contributor, UnitReportReviewService.AcceptedKind, id));
        Assert.StartsWith("Báo cáo đã được chấp nhận", acceptance.Subject);
        Assert.Contains(round.Title, acceptance.Body);
        Assert.Single(await NotificationsAsync(Accounts.Contributor, UnitReportReviewService.ReturnedKind, id));

        // Out of scope: another school (not asked) and another district get 404; a school without ReviewReports 403.
        var cuuLong = await As(fixture.Factory, Accounts.OtherSchoolContributor);
        Assert.Equal(HttpStatusCode.NotFound, (await cuuLong.GetPageAsync(Mine(id) + "/lich-su")).Status);
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        Assert.Equal(HttpStatusCode.NotFound, (await luongSon.GetPageAsync(Review(id) + "/lich-su")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetPageAsync(Review(id) + "/lich-su")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync($"/admin/bao-cao/{id}/don-vi/khong-co-don-vi/lich-su")).Status);
    }
}

public sealed class UnitReportHistorySqliteTests(SqliteSiteFixture fixture) : UnitReportHistoryTests<SqliteSiteFixture>(fixture);

public sealed class UnitReportHistoryPostgresTests(PostgresSiteFixture fixture) : UnitReportHistoryTests<PostgresSiteFixture>(fixture);
