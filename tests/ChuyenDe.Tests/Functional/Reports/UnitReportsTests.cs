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
/// /admin/bao-cao/cua-don-vi on both databases: a school asked by its district's open round starts its report, saves a
/// draft (refused with Vietnamese messages beside the figures when they are wrong, nothing lost), is refused an
/// incomplete submission, submits, and is marked late after the deadline in Vietnam time; other units get 404 and
/// users without AnswerReports 403.
/// </summary>
public abstract class UnitReportsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Quận 1's curator makes a round for its three schools with the deadline typed (Vietnam time) and opens it.</summary>
    private async Task<int> OpenRoundAsync(string deadline)
    {
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Sơ kết cấp trường "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private static string Local(DateTime utc) => (utc + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private async Task<(ReportRoundUnit Unit, UnitReport? Report)> StoredAsync(int roundId, string unitId)
        => await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var unit = await db.Set<ReportRoundUnit>().AsNoTracking().SingleAsync(u => u.RoundId == roundId && u.OrganizationId == unitId);
            var report = await db.Set<UnitReport>().AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == roundId && r.OrganizationId == unitId);
            return (unit, report);
        });

    private static async Task StartAsync(AdminClient school, int id)
    {
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        using var started = await PostAsync(school, url, url + "/bat-dau");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(url, Location(started));
    }

    /// <summary>Every section written and every figure given, as a school would.</summary>
    private static List<(string Name, string Value)> Complete(List<(string Name, string Value)> fields, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var filled = fields.Select(f => f.Name.StartsWith("section-", StringComparison.Ordinal) ? (f.Name, "Nhà trường đã triển khai nội dung **" + f.Name[8..] + "**.") : f).ToList();
        foreach (var indicator in indicators)
        {
            filled = filled.With("value-" + indicator.Key, indicator.Kind switch
            {
                IndicatorKind.WholeNumber => "12",
                IndicatorKind.Percentage => "85,5",
                IndicatorKind.Decimal => "12,5",
                IndicatorKind.YesNo => "Có",
                _ => "Ghi chú của trường",
            });
        }

        return filled;
    }

    [SkippableFact]
    public async Task A_school_starts_its_report_saves_drafts_keeps_what_it_typed_on_errors_and_submits_only_when_complete()
    {
        fixture.SkipUnlessAvailable();
        var id = await OpenRoundAsync(Local(DateTime.UtcNow.AddDays(2)));
        var school = await As(fixture.Factory, Accounts.Contributor);
        var url = $"/admin/bao-cao/cua-don-vi/{id}";

        var (status, list) = await school.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Chưa bắt đầu", Text(list, $"#dot-{id} .report-state .badge"));
        Assert.NotNull(list.QuerySelector(".admin-nav a[href='/admin/bao-cao/cua-don-vi']"));
        var (_, before) = await school.GetPageAsync(url);
        Assert.NotNull(before.QuerySelector("form.start-report"));
        Assert.Null(before.QuerySelector("form.unit-report"));

        await StartAsync(school, id);
        var (unit, report) = await StoredAsync(id, "truong-mn-ben-thanh");
        Assert.NotNull(report);
        Assert.Equal((report.Id, UnitReportState.Draft), (unit.ReportContentItemId, unit.ReportState));
        Assert.Equal(0, report.Version);
        // Starting again keeps the same report.
        await StartAsync(school, id);
        Assert.Equal(report.Id, (await StoredAsync(id, "truong-mn-ben-thanh")).Report!.Id);

        var (_, page) = await school.GetPageAsync(url);
        Assert.Contains("Đã bắt đầu báo cáo", Text(page, ".flash"));
        var fields = FormFields(page, "form.unit-report");
        var sectionKey = fields.First(f => f.Name.StartsWith("section-", StringComparison.Ordinal)).Name;

        // Wrong figures: refused beside each field in Vietnamese, everything typed comes back, nothing is stored.
        var wrong = fields.With(sectionKey, "Nhà trường đã xây dựng kế hoạch.")
            .With("value-tong-so-truong", "mười hai").With("value-ty-le-truong-tham-gia", "120").With("value-truong-tham-gia", "1.250");
        using var refused = await PostAsync(school, url, url, [.. wrong, ("_action", "draft")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errorPage = await AdminClient.ParseAsync(refused);
        Assert.Contains("Tổng số trường", Text(errorPage, "#value-tong-so-truong-error"));
        Assert.Contains("100", Text(errorPage, "#value-ty-le-truong-tham-gia-error"));
        Assert.Null(errorPage.QuerySelector("#value-truong-tham-gia-error"));
        Assert.NotNull(errorPage.QuerySelector(".error-summary"));
        Assert.Equal("mười hai", errorPage.QuerySelector("#value-tong-so-truong")!.GetAttribute("value"));
        Assert.Equal("1.250", errorPage.QuerySelector("#value-truong-tham-gia")!.GetAttribute("value"));
        Assert.Equal("Nhà trường đã xây dựng kế hoạch.", errorPage.QuerySelector($"#{sectionKey}")!.TextContent.Trim());
        Assert.Equal(0, (await StoredAsync(id, "truong-mn-ben-thanh")).Report!.Version);

        // An incomplete but valid draft is saved, numbers normalised.
        using var draft = await PostAsync(school, url, url, [.. wrong.With("value-tong-so-truong", "12").With("value-ty-le-truong-tham-gia", "85,5"), ("_action", "draft")]);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        (unit, report) = await StoredAsync(id, "truong-mn-ben-thanh");
        Assert.Equal(1, report!.Version);
        Assert.Equal(UnitReportState.Draft, unit.ReportState);
        var values = UnitReports.ReadMap(report.ValuesJson);
        Assert.Equal(("12", "1250", "85.5"), (values["tong-so-truong"], values["truong-tham-gia"], values["ty-le-truong-tham-gia"]));
        Assert.Equal("Nhà trường đã xây dựng kế hoạch.", UnitReports.ReadMap(report.SectionsJson)[sectionKey[8..]]);
        var (_, saved) = await school.GetPageAsync(url);
        Assert.Equal("Đã lưu bản nháp.", Text(saved, ".flash"));
        Assert.Equal("1250", saved.QuerySelector("#value-truong-tham-gia")!.GetAttribute("value"));
        Assert.Equal("85,5", saved.QuerySelector("#value-ty-le-truong-tham-gia")!.GetAttribute("value"));

        // Submitting it incomplete is refused: missing figures and sections are named, the state stays Draft.
        using var incomplete = await PostAsync(school, url, url, [.. FormFields(saved, "form.unit-report"), ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var incompletePage = await AdminClient.ParseAsync(incomplete);
        Assert.NotEmpty(Text(incompletePage, "#value-muc-4-ke-hoach-error"));
        Assert.Contains("trước khi nộp", incompletePage.QuerySelector(".error-summary")!.TextContent);
        // A child section is named with its parent's numeral: II.3 and III.2 cannot be mistaken for one another.
        var summary = incompletePage.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Hãy viết mục “II.3. Đẩy mạnh xã hội hóa để huy động nguồn lực thực hiện Chuyên đề” trước khi nộp.", summary);
        Assert.Contains("Hãy viết mục “III.2. Khó khăn, hạn chế” trước khi nộp.", summary);
        Assert.DoesNotContain("mục “3. Đẩy mạnh", summary);
        Assert.Equal("1250", incompletePage.QuerySelector("#value-truong-tham-gia")!.GetAttribute("value"));
        (unit, report) = await StoredAsync(id, "truong-mn-ben-thanh");
        Assert.Equal((UnitReportState.Draft, 1, (DateTime?)null), (unit.ReportState, report!.Version, unit.SubmittedUtc));

        // Complete: submitted on time.
        var round = await RoundAsync(fixture, id);
        using var submitted = await PostAsync(school, url, url,
            [.. Complete(FormFields(saved, "form.unit-report"), ReportJson.ReadIndicators(round.IndicatorsJson)), ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        (unit, report) = await StoredAsync(id, "truong-mn-ben-thanh");
        Assert.Equal((UnitReportState.Submitted, 2), (unit.ReportState, report!.Version));
        Assert.NotNull(unit.SubmittedUtc);
        Assert.True(unit.SubmittedUtc <= round.DeadlineUtc);
        var versions = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<UnitReportVersion>().AsNoTracking()
            .Where(v => v.ReportId == report.Id).OrderBy(v => v.Number).Select(v => v.Kind).ToListAsync());
        Assert.Equal([UnitReportVersionKind.Draft, UnitReportVersionKind.Submitted], versions);

        var (_, done) = await school.GetPageAsync(url);
        Assert.Equal("Đã nộp báo cáo.", Text(done, ".flash"));
        Assert.Equal("Đã nộp", Text(done, ".round-state .report-state"));
        Assert.Null(done.QuerySelector(".report-late"));
        Assert.Null(done.QuerySelector("button[value='submit']"));
        Assert.NotNull(done.QuerySelector("#value-truong-tham-gia[readonly]"));
        // A submitted report is not changed by posting again.
        using var again = await PostAsync(school, url, url, [.. FormFields(done, "form.unit-report").With("value-truong-tham-gia", "99"), ("_action", "draft")]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("chỉ sửa lại được khi", Text(await AdminClient.ParseAsync(again), ".error-summary"));
        Assert.Equal("12", UnitReports.ReadMap((await StoredAsync(id, "truong-mn-ben-thanh")).Report!.ValuesJson)["truong-tham-gia"]);
        var audited = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<AuditEntryRecord>().AsNoTracking()
            .Where(e => e.Category == AuditCategories.Report && e.Subject == "Báo cáo của đơn vị: " + round.Title).Select(e => e.Action).ToListAsync());
        Assert.Equal(2, audited.Count(a => a == AuditActions.Created || a == AuditActions.Updated));
        Assert.Contains(AuditActions.Submitted, audited);
        var (_, listAfter) = await school.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Equal("Đã nộp", Text(listAfter, $"#dot-{id} .report-state .badge"));
    }

    [SkippableFact]
    public async Task A_report_submitted_after_the_deadline_in_Vietnam_time_is_accepted_and_marked_late()
    {
        fixture.SkipUnlessAvailable();
        // Two hours from now read as a UTC clock, but the deadline is typed in Vietnam time (UTC+7): it passed five hours ago.
        var typed = DateTime.UtcNow.AddHours(2);
        var id = await OpenRoundAsync(typed.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var round = await RoundAsync(fixture, id);
        Assert.Equal(new DateTime(typed.Year, typed.Month, typed.Day, typed.Hour, typed.Minute, 0, DateTimeKind.Utc) - Vietnam, round.DeadlineUtc);

        var school = await As(fixture.Factory, Accounts.Contributor);
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        await StartAsync(school, id);
        var (_, page) = await school.GetPageAsync(url);
        using var submitted = await PostAsync(school, url, url,
            [.. Complete(FormFields(page, "form.unit-report"), ReportJson.ReadIndicators(round.IndicatorsJson)), ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var (unit, _) = await StoredAsync(id, "truong-mn-ben-thanh");
        Assert.Equal(UnitReportState.Submitted, unit.ReportState);
        Assert.True(unit.SubmittedUtc > round.DeadlineUtc);
        var (_, done) = await school.GetPageAsync(url);
        Assert.Contains("nộp muộn", Text(done, ".flash"));
        Assert.Equal("nộp muộn", Text(done, ".round-state .report-late"));
        Assert.Equal((unit.SubmittedUtc!.Value + Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture), Text(done, ".report-submitted-at"));
        var (_, list) = await school.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Equal("nộp muộn", Text(list, $"#dot-{id} .report-late"));
    }

    [SkippableFact]
    public async Task A_unit_sees_only_its_own_report_other_units_get_404_and_users_without_AnswerReports_403()
    {
        fixture.SkipUnlessAvailable();
        var id = await OpenRoundAsync(Local(DateTime.UtcNow.AddDays(2)));
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        var benThanh = await As(fixture.Factory, Accounts.Contributor);
        await StartAsync(benThanh, id);
        var (_, page) = await benThanh.GetPageAsync(url);
        using var draft = await PostAsync(benThanh, url, url, [.. FormFields(page, "form.unit-report").With("value-truong-tham-gia", "7"), ("_action", "draft")]);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);

        // Another school asked by the same round sees its own (not started) report, never Bến Thành's figures.
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var daKaoName = Unique("truong.dakao.");
        await CreateUserAsync(admin, daKaoName, "truong-mn-da-kao", "SchoolContributor");
        var daKao = await As(fixture.Factory, daKaoName, Password);
        var (_, daKaoList) = await daKao.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Equal("Chưa bắt đầu", Text(daKaoList, $"#dot-{id} .report-state .badge"));
        var (daKaoStatus, daKaoPage) = await daKao.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, daKaoStatus);
        Assert.NotNull(daKaoPage.QuerySelector("form.start-report"));
        Assert.Null(daKaoPage.QuerySelector("#value-truong-tham-gia"));

        // A school of another district, not asked: the round is not listed and every address answers 404.
        var cuuLong = await As(fixture.Factory, Accounts.OtherSchoolContributor);
        var (_, otherList) = await cuuLong.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Null(otherList.QuerySelector($"#dot-{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await cuuLong.GetPageAsync(url)).Status);
        var token = await cuuLong.GetTokenAsync("/admin/bao-cao/cua-don-vi");
        using (var start = await cuuLong.PostFormWithTokenAsync(url + "/bat-dau", [], token))
        {
            Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        }

        using (var save = await cuuLong.PostFormWithTokenAsync(url, [KeyValuePair.Create("value-truong-tham-gia", "99"), KeyValuePair.Create("_action", "submit")], token))
        {
            Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await cuuLong.GetPageAsync("/admin/bao-cao/cua-don-vi/999999")).Status);
        Assert.Equal("7", UnitReports.ReadMap((await StoredAsync(id, "truong-mn-ben-thanh")).Report!.ValuesJson)["truong-tham-gia"]);

        // A round still in draft is not shown to the units it will ask.
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var draftRound = await CreateRoundAsync(fixture, district, Unique("Đợt chưa mở "), nameof(UnitsAskedRule.Schools));
        var (_, benThanhList) = await benThanh.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Null(benThanhList.QuerySelector($"#dot-{draftRound}"));
        Assert.Equal(HttpStatusCode.NotFound, (await benThanh.GetPageAsync($"/admin/bao-cao/cua-don-vi/{draftRound}")).Status);

        // Without AnswerReports (the district's reviewer, the Department's curator): 403 on every address, no menu entry.
        foreach (var userName in new[] { Accounts.Reviewer, Accounts.DepartmentCurator })
        {
            var client = await As(fixture.Factory, userName);
            var (listStatus, _) = await client.GetPageAsync("/admin/bao-cao/cua-don-vi");
            Assert.Equal(HttpStatusCode.Forbidden, listStatus);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync(url)).Status);
            var (_, dashboard) = await client.GetPageAsync("/admin");
            Assert.Null(dashboard.QuerySelector(".admin-nav a[href='/admin/bao-cao/cua-don-vi']"));
            using var post = await client.PostFormWithTokenAsync(url + "/bat-dau", [], await client.GetTokenAsync("/admin"));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        // Closed: the report is shown but no longer changed.
        using var closed = await PostAsync(district, $"/admin/bao-cao/{id}/sua", $"/admin/bao-cao/{id}/dong");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (closedStatus, closedPage) = await benThanh.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, closedStatus);
        Assert.NotNull(closedPage.QuerySelector(".round-closed-note"));
        using var late = await PostAsync(benThanh, url, url, [.. FormFields(closedPage, "form.unit-report").With("value-truong-tham-gia", "8"), ("_action", "draft")]);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Đợt báo cáo đã đóng", Text(await AdminClient.ParseAsync(late), ".error-summary"));
        Assert.Equal("7", UnitReports.ReadMap((await StoredAsync(id, "truong-mn-ben-thanh")).Report!.ValuesJson)["truong-tham-gia"]);
    }

    [SkippableFact]
    public async Task A_district_office_answers_the_Departments_sample_round_with_its_guidance_shown_as_Markdown()
    {
        fixture.SkipUnlessAvailable();
        var roundId = await fixture.WithServicesAsync(async sp =>
            await sp.GetRequiredService<DbContext>().Set<ReportRound>().Where(r => r.Key == "so-ket-02-nam-hoa-binh").Select(r => r.Id).SingleAsync());
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        var (_, list) = await luongSon.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Equal("Sở GD&ĐT Hòa Bình", Text(list, $"#dot-{roundId} td:nth-child(2)"));
        Assert.Equal("17:00 10/03/2023", Text(list, $"#dot-{roundId} .round-deadline"));
        var (status, page) = await luongSon.GetPageAsync($"/admin/bao-cao/cua-don-vi/{roundId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("có số liệu minh chứng cụ thể", Text(page, ".round-guidance strong"));
        Assert.NotNull(page.QuerySelector("form.start-report"));
        // A school of Lương Sơn is not asked by the Department's round.
        var cuuLong = await As(fixture.Factory, Accounts.OtherSchoolContributor);
        var (_, schoolList) = await cuuLong.GetPageAsync("/admin/bao-cao/cua-don-vi");
        Assert.Null(schoolList.QuerySelector($"#dot-{roundId}"));
    }

    [SkippableFact]
    public async Task The_preview_shows_a_sections_Markdown_sanitised_without_saving()
    {
        fixture.SkipUnlessAvailable();
        var id = await OpenRoundAsync(Local(DateTime.UtcNow.AddDays(2)));
        var school = await As(fixture.Factory, Accounts.Contributor);
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        await StartAsync(school, id);
        var (_, page) = await school.GetPageAsync(url);
        var fields = FormFields(page, "form.unit-report");
        var sectionKey = fields.First(f => f.Name.StartsWith("section-", StringComparison.Ordinal)).Name;
        using var preview = await PostAsync(school, url, url, [.. fields.With(sectionKey, "Kết quả **nổi bật**<script>alert(1)</script>"), ("_preview", sectionKey[8..])]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await AdminClient.ParseAsync(preview);
        var body = previewPage.QuerySelector($"#muc-{sectionKey[8..]} .preview-body")!;
        Assert.Equal("nổi bật", body.QuerySelector("strong")!.TextContent);
        Assert.Null(body.QuerySelector("script"));
        Assert.Contains("**nổi bật**", previewPage.QuerySelector($"#{sectionKey}")!.TextContent);
        Assert.Equal(0, (await StoredAsync(id, "truong-mn-ben-thanh")).Report!.Version);
    }
}

public sealed class UnitReportsSqliteTests(SqliteSiteFixture fixture) : UnitReportsTests<SqliteSiteFixture>(fixture);

public sealed class UnitReportsPostgresTests(PostgresSiteFixture fixture) : UnitReportsTests<PostgresSiteFixture>(fixture);
