using System.Globalization;
using System.Net;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// /admin/bao-cao/{id}/don-vi/{unit} on both databases: the round's owner reads a school's submitted report (texts as safe
/// HTML, figures as displayed), is refused a return without a reason, returns it with a reason and a section, the school
/// sees the reason, edits and submits again, the owner accepts it and it is locked; the board follows; a curator of another
/// district gets 404 and a school 403.
/// </summary>
public abstract class UnitReportReviewTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private const string BenThanh = "truong-mn-ben-thanh";

    private async Task<int> OpenRoundAsync(AdminClient district)
    {
        var id = await CreateRoundAsync(fixture, district, Unique("Xem xét báo cáo "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var deadline = (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private static string Mine(int id) => $"/admin/bao-cao/cua-don-vi/{id}";

    private static string Review(int id, string unit = BenThanh) => $"/admin/bao-cao/{id}/don-vi/{unit}";

    private static async Task StartAsync(AdminClient school, int id)
    {
        using var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }

    /// <summary>The school fills every section (with the text given) and every figure, and submits.</summary>
    private async Task SubmitAsync(AdminClient school, int id, string text)
    {
        var fields = await FilledReportFormAsync(fixture, school, id, text, "1234");

        using var submitted = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    private async Task<(ReportRoundUnit Unit, List<UnitReportReview> Reviews, int Versions)> StoredAsync(int id)
        => await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var unit = await db.Set<ReportRoundUnit>().AsNoTracking().SingleAsync(u => u.RoundId == id && u.OrganizationId == BenThanh);
            var reviews = await db.Set<UnitReportReview>().AsNoTracking().Where(r => r.ReportId == unit.ReportContentItemId).OrderBy(r => r.Id).ToListAsync();
            var versions = await db.Set<UnitReportVersion>().AsNoTracking().CountAsync(v => v.ReportId == unit.ReportContentItemId);
            return (unit, reviews, versions);
        });

    private static string BoardState(AngleSharp.Html.Dom.IHtmlDocument board) => Text(board, $"#don-vi-{BenThanh} .board-state .badge");

    [SkippableFact]
    public async Task The_owner_returns_a_report_with_a_reason_the_school_resubmits_and_the_owner_accepts_it_locked()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district);
        var round = await RoundAsync(fixture, id);
        var outline = UnitReports.Sections(ReportJson.ReadOutline(round.OutlineJson)).Select(s => s.Section).ToList();
        var indicators = ReportJson.ReadIndicators(round.IndicatorsJson);
        var school = await As(fixture.Factory, Accounts.Contributor);
        await StartAsync(school, id);
        await SubmitAsync(school, id, "Nhà trường đã triển khai **đầy đủ**.<script>alert('x')</script>");

        // The board links the unit's name to its review page.
        var (_, board) = await district.GetPageAsync($"/admin/bao-cao/{id}/tinh-hinh");
        Assert.NotNull(board.QuerySelector($"#don-vi-{BenThanh} a.review-link[href='{Review(id)}']"));

        // The submission, read-only: Markdown as safe HTML, figures as the validator displays them, no editable field but the reason.
        var (status, page) = await district.GetPageAsync(Review(id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Đã nộp", Text(page, ".round-state .report-state"));
        Assert.Equal("đầy đủ", Text(page, $"#muc-{outline[^1].Key} .review-text strong"));
        Assert.Empty(page.QuerySelectorAll(".review-sections script"));
        Assert.DoesNotContain("<script", page.QuerySelector(".review-sections")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        var whole = indicators.First(i => i.Kind == IndicatorKind.WholeNumber);
        Assert.Equal("1.234", Text(page, $"#chi-tieu-{whole.Key} .review-value")); // Vietnamese thousands separator
        Assert.Empty(page.QuerySelectorAll("input[name^='value-'], textarea[name^='section-']"));

        // A return without a reason is refused in Vietnamese; nothing changes.
        using (var empty = await PostAsync(district, Review(id), Review(id) + "/tra-lai", ("Reason", "   ")))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("ghi lý do trả lại", Text(await AdminClient.ParseAsync(empty), ".error-summary"));
        }

        Assert.Equal(UnitReportState.Submitted, (await StoredAsync(id)).Unit.ReportState);

        // Returned with a reason naming a section.
        const string reason = "Mục này còn thiếu số liệu minh chứng cụ thể, đề nghị bổ sung.";
        var concerned = outline[^1];
        using (var returned = await PostAsync(district, Review(id), Review(id) + "/tra-lai", ("Reason", reason), ("Sections", concerned.Key), ("Sections", "khong-co-muc-nay")))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
            Assert.Equal(Review(id), Location(returned));
        }

        var stored = await StoredAsync(id);
        Assert.Equal(UnitReportState.Returned, stored.Unit.ReportState);
        var decision = Assert.Single(stored.Reviews);
        Assert.Equal((UnitReportDecision.Returned, reason, concerned.Key), (decision.Decision, decision.Reason, decision.SectionKeys));
        Assert.False(string.IsNullOrEmpty(decision.UserName));
        (_, board) = await district.GetPageAsync($"/admin/bao-cao/{id}/tinh-hinh");
        Assert.Equal("Bị trả lại", BoardState(board));

        // Accepting a returned report is refused with a clear message.
        using (var early = await PostAsync(district, Review(id), Review(id) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("Chỉ báo cáo đã nộp", Text(await AdminClient.ParseAsync(early), ".error-summary"));
        }

        // The school sees the reason and the section, and can edit and submit again.
        var (_, mine) = await school.GetPageAsync(Mine(id));
        Assert.Equal(reason, Text(mine, ".report-returned-reason"));
        Assert.Equal("Các mục cần sửa: " + concerned.Title, Text(mine, ".report-returned-sections")); // the sections named, not the templates' "Số mục"
        Assert.Equal(decision.UserName, Text(mine, ".report-returned-by").Split(" — ")[0]);
        Assert.Null(mine.QuerySelector($"textarea[name='section-{concerned.Key}'][readonly]"));
        Assert.NotNull(mine.QuerySelector("button[name='_action'][value='submit']"));
        await SubmitAsync(school, id, "Đã bổ sung số liệu minh chứng: **12 trường**.");
        Assert.Equal(UnitReportState.Submitted, (await StoredAsync(id)).Unit.ReportState);
        (_, page) = await district.GetPageAsync(Review(id));
        Assert.Equal("12 trường", Text(page, $"#muc-{concerned.Key} .review-text strong"));
        Assert.Contains(reason, Text(page, ".review-history .review-returned .review-reason"));
        Assert.Equal("Các mục cần sửa: " + concerned.Title, Text(page, ".review-history .review-returned .review-reason-sections"));

        // Accepted: locked for the unit.
        using (var accepted = await PostAsync(district, Review(id), Review(id) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        stored = await StoredAsync(id);
        Assert.Equal(UnitReportState.Accepted, stored.Unit.ReportState);
        Assert.Equal([UnitReportDecision.Returned, UnitReportDecision.Accepted], stored.Reviews.Select(r => r.Decision).ToList());
        Assert.Null(stored.Reviews[1].Reason);
        (_, board) = await district.GetPageAsync($"/admin/bao-cao/{id}/tinh-hinh");
        Assert.Equal("Đã chấp nhận", BoardState(board));
        (_, page) = await district.GetPageAsync(Review(id));
        Assert.Null(page.QuerySelector("form.review-return"));
        Assert.Null(page.QuerySelector("form.review-accept"));

        (_, mine) = await school.GetPageAsync(Mine(id));
        Assert.NotNull(mine.QuerySelector(".report-accepted-note"));
        Assert.Null(mine.QuerySelector("button[name='_action'][value='submit']"));
        Assert.Null(mine.QuerySelector(".report-returned"));
        var fields = FormFields(mine, "form.unit-report").With($"section-{concerned.Key}", "Sửa sau khi đã chấp nhận");
        using (var change = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", "draft")]))
        {
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        var after = await StoredAsync(id);
        Assert.Equal((UnitReportState.Accepted, stored.Versions), (after.Unit.ReportState, after.Versions));

        // Returning an accepted report is refused too.
        using (var again = await PostAsync(district, Review(id), Review(id) + "/tra-lai", ("Reason", "Trả lại lần nữa")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("Đã chấp nhận", Text(await AdminClient.ParseAsync(again), ".error-summary"));
        }

        Assert.Equal(2, (await StoredAsync(id)).Reviews.Count);

        // Each decision is in the audit trail.
        var audited = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>().AsNoTracking()
            .Where(e => e.Category == AuditCategories.Report && e.Subject == "Báo cáo của đơn vị: " + round.Title).Select(e => new { e.Action, e.Details }).ToListAsync());
        Assert.Contains(audited, e => e.Action == AuditActions.Returned && e.Details!.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(audited, e => e.Action == AuditActions.Approved);
    }

    [SkippableFact]
    public async Task A_curator_of_another_district_gets_404_and_a_school_403_and_nothing_changes()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district);
        var school = await As(fixture.Factory, Accounts.Contributor);
        await StartAsync(school, id);
        await SubmitAsync(school, id, "Nội dung đã nộp.");

        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        Assert.Equal(HttpStatusCode.NotFound, (await luongSon.GetPageAsync(Review(id))).Status);
        using (var post = await PostAsync(luongSon, "/admin/bao-cao", Review(id) + "/tra-lai", ("Reason", "Không thuộc phạm vi")))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var post = await PostAsync(luongSon, "/admin/bao-cao", Review(id) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetPageAsync(Review(id))).Status);
        using (var post = await PostAsync(school, Mine(id), Review(id) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using (var post = await PostAsync(school, Mine(id), Review(id) + "/tra-lai", ("Reason", "Tự trả lại")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        // A unit the round does not ask, and an unknown round: 404 for the owner too.
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Review(id, "khong-co-don-vi"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Review(987654))).Status);

        var stored = await StoredAsync(id);
        Assert.Equal(UnitReportState.Submitted, stored.Unit.ReportState);
        Assert.Empty(stored.Reviews);

        // A unit asked that has not submitted: the page says so and offers no decision.
        var other = (await RoundAsync(fixture, id)).Units.Select(u => u.OrganizationId).First(o => o != BenThanh);
        var (status, page) = await district.GetPageAsync(Review(id, other));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Đơn vị chưa nộp báo cáo.", Text(page, ".review-nothing"));
        Assert.Null(page.QuerySelector("form.review-return"));
        using (var post = await PostAsync(district, Review(id, other), Review(id, other) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            Assert.Contains("Chỉ báo cáo đã nộp", Text(await AdminClient.ParseAsync(post), ".error-summary"));
        }
    }
}

public sealed class UnitReportReviewSqliteTests(SqliteSiteFixture fixture) : UnitReportReviewTests<SqliteSiteFixture>(fixture);

public sealed class UnitReportReviewPostgresTests(PostgresSiteFixture fixture) : UnitReportReviewTests<PostgresSiteFixture>(fixture);
