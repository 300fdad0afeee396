using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// /admin/bao-cao/{id}/tinh-hinh on both databases: the counts and states of the units asked as a school starts and
/// submits its report, "nộp muộn" and "quá hạn" against a deadline typed in Vietnam time, the filter (a plain GET form),
/// 404 for a curator of another district and 403 for a school.
/// </summary>
public abstract class ReportStatusBoardTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private const string BenThanh = "truong-mn-ben-thanh";

    /// <summary>Quận 1's curator makes a round for its schools with the deadline typed (Vietnam time) and opens it.</summary>
    private async Task<int> OpenRoundAsync(AdminClient district, string deadline)
    {
        var id = await CreateRoundAsync(fixture, district, Unique("Tình hình nộp "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private static async Task StartAsync(AdminClient school, int id)
    {
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        using var started = await PostAsync(school, url, url + "/bat-dau");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }

    private async Task SubmitAsync(AdminClient school, int id)
    {
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        var fields = await FilledReportFormAsync(fixture, school, id, "Nhà trường đã thực hiện nội dung này.");

        using var submitted = await PostAsync(school, url, url, [.. fields, ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    private static string Board(int id, string? state = null) => $"/admin/bao-cao/{id}/tinh-hinh" + (state is null ? "" : "?trang-thai=" + state);

    private static int Count(IHtmlDocument page, string filter)
        => int.Parse(Text(page, $".board-counts .count-{filter.ToLowerInvariant()} .count"), CultureInfo.InvariantCulture);

    private static List<string> Units(IHtmlDocument page)
        => page.QuerySelectorAll("table.status-board tbody tr").Select(r => r.Id!["don-vi-".Length..]).ToList();

    private static string Local(DateTime utc) => (utc + Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task The_board_counts_every_unit_asked_and_follows_a_school_from_not_started_to_submitted_with_who_and_when()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district, (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var asked = (await RoundAsync(fixture, id)).Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(BenThanh, asked);
        Assert.True(asked.Count >= 2);

        // Nobody has started: every unit is "Chưa bắt đầu"; the page is reachable from the round's settings page.
        var (_, edit) = await district.GetPageAsync($"/admin/bao-cao/{id}/sua");
        Assert.NotNull(edit.QuerySelector($"a.status-board-link[href='{Board(id)}']"));
        var (status, page) = await district.GetPageAsync(Board(id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(asked, Units(page).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(asked.Count, Count(page, "NotStarted"));
        Assert.Equal((0, 0, 0, 0), (Count(page, "Draft"), Count(page, "Submitted"), Count(page, "Late"), Count(page, "Overdue")));
        Assert.Equal("Chưa bắt đầu", Text(page, $"#don-vi-{BenThanh} .board-state .badge"));
        Assert.Equal("—", Text(page, $"#don-vi-{BenThanh} .board-submitted"));
        // Accessible table: a caption, column headers and the unit as each row's header.
        Assert.NotEmpty(Text(page, "table.status-board caption"));
        Assert.Equal(5, page.QuerySelectorAll("table.status-board thead th[scope='col']").Length);
        Assert.Equal(asked.Count, page.QuerySelectorAll("table.status-board tbody th[scope='row']").Length);

        // Bến Thành starts: "Đang soạn".
        var school = await As(fixture.Factory, Accounts.Contributor);
        await StartAsync(school, id);
        (_, page) = await district.GetPageAsync(Board(id));
        Assert.Equal((1, asked.Count - 1), (Count(page, "Draft"), Count(page, "NotStarted")));
        Assert.Equal("Đang soạn", Text(page, $"#don-vi-{BenThanh} .board-state .badge"));

        // It submits: "Đã nộp", when (Vietnam time) and by whom, from its report's versions; not late, not overdue.
        await SubmitAsync(school, id);
        var (unit, submittedBy) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var row = await db.Set<ReportRoundUnit>().AsNoTracking().SingleAsync(u => u.RoundId == id && u.OrganizationId == BenThanh);
            var by = await db.Set<UnitReportVersion>().AsNoTracking().Where(v => v.ReportId == row.ReportContentItemId && v.Kind == UnitReportVersionKind.Submitted)
                .Select(v => v.UserName).SingleAsync();
            return (row, by);
        });
        Assert.False(string.IsNullOrEmpty(submittedBy));
        (_, page) = await district.GetPageAsync(Board(id));
        Assert.Equal((1, 0, asked.Count - 1, 0, 0), (Count(page, "Submitted"), Count(page, "Draft"), Count(page, "NotStarted"), Count(page, "Late"), Count(page, "Overdue")));
        Assert.Equal("Đã nộp", Text(page, $"#don-vi-{BenThanh} .board-state .badge"));
        Assert.Null(page.QuerySelector($"#don-vi-{BenThanh} .report-late"));
        Assert.Equal(Local(unit.SubmittedUtc!.Value), Text(page, $"#don-vi-{BenThanh} .board-submitted"));
        Assert.Equal(submittedBy, Text(page, $"#don-vi-{BenThanh} .board-submitted-by"));
        Assert.StartsWith(Local(unit.StateChangedUtc!.Value), Text(page, $"#don-vi-{BenThanh} .board-changed"));
        Assert.Null(page.QuerySelector(".report-overdue"));

        // The Department above Quận 1 sees the same board.
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        Assert.Equal(HttpStatusCode.OK, (await department.GetPageAsync(Board(id))).Status);
    }

    [SkippableFact]
    public async Task The_filter_is_a_plain_GET_form_and_shows_only_the_units_in_the_chosen_state()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district, (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var asked = (await RoundAsync(fixture, id)).Units.Count;
        var school = await As(fixture.Factory, Accounts.Contributor);
        await StartAsync(school, id);
        await SubmitAsync(school, id);

        var (_, page) = await district.GetPageAsync(Board(id));
        var form = page.QuerySelector("form[role='search']")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(Board(id), form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("select[name='trang-thai'] option[value='Overdue']"));
        Assert.StartsWith("Quá hạn:", Text(page, ".board-counts .count-overdue a"));
        Assert.StartsWith("Nộp muộn:", Text(page, ".board-counts .count-late a"));
        Assert.StartsWith("Đang soạn:", Text(page, ".board-counts .count-draft a"));

        var (_, submitted) = await district.GetPageAsync(Board(id, "Submitted"));
        Assert.Equal([BenThanh], Units(submitted));
        Assert.Equal("Submitted", submitted.QuerySelector("select[name='trang-thai'] option[selected]")!.GetAttribute("value"));
        // The counts at the top stay those of every unit.
        Assert.Equal((1, asked - 1), (Count(submitted, "Submitted"), Count(submitted, "NotStarted")));
        Assert.Contains($"1 trên {asked}", Text(submitted, ".result-count"));

        var (_, notStarted) = await district.GetPageAsync(Board(id, "NotStarted"));
        Assert.Equal(asked - 1, Units(notStarted).Count);
        Assert.DoesNotContain(BenThanh, Units(notStarted));

        var (_, accepted) = await district.GetPageAsync(Board(id, "Accepted"));
        Assert.Empty(Units(accepted));
        Assert.Equal("Không có đơn vị nào ở tình trạng này.", Text(accepted, ".board-empty"));

        // An unknown filter shows everyone rather than an error.
        var (status, unknown) = await district.GetPageAsync(Board(id, "khong-co"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(asked, Units(unknown).Count);
    }

    [SkippableFact]
    public async Task Late_and_overdue_follow_the_deadline_in_Vietnam_time()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        // Two hours from now on a UTC clock, but typed in Vietnam time (UTC+7): the deadline passed five hours ago.
        var id = await OpenRoundAsync(district, DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var asked = (await RoundAsync(fixture, id)).Units.Count;

        // Before anyone submits, every unit is overdue.
        var (_, before) = await district.GetPageAsync(Board(id));
        Assert.Equal((asked, 0), (Count(before, "Overdue"), Count(before, "Late")));
        Assert.Equal("quá hạn", Text(before, $"#don-vi-{BenThanh} .report-overdue"));

        var school = await As(fixture.Factory, Accounts.Contributor);
        await StartAsync(school, id);
        (_, before) = await district.GetPageAsync(Board(id));
        Assert.Equal("quá hạn", Text(before, $"#don-vi-{BenThanh} .report-overdue")); // a draft after the deadline is still overdue
        await SubmitAsync(school, id);

        var (_, page) = await district.GetPageAsync(Board(id));
        Assert.Equal((1, 1, asked - 1), (Count(page, "Submitted"), Count(page, "Late"), Count(page, "Overdue")));
        Assert.Equal("nộp muộn", Text(page, $"#don-vi-{BenThanh} .report-late"));
        Assert.Null(page.QuerySelector($"#don-vi-{BenThanh} .report-overdue"));

        var (_, late) = await district.GetPageAsync(Board(id, "Late"));
        Assert.Equal([BenThanh], Units(late));
        var (_, overdue) = await district.GetPageAsync(Board(id, "Overdue"));
        Assert.Equal(asked - 1, Units(overdue).Count);
        Assert.DoesNotContain(BenThanh, Units(overdue));

        // A round whose deadline is a few hours ahead in Vietnam time has nobody overdue.
        var ahead = await OpenRoundAsync(district, (DateTime.UtcNow.AddHours(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var (_, aheadPage) = await district.GetPageAsync(Board(ahead));
        Assert.Equal(0, Count(aheadPage, "Overdue"));
    }

    [SkippableFact]
    public async Task A_curator_of_another_district_gets_404_and_a_school_403()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await OpenRoundAsync(district, (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));

        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        Assert.Equal(HttpStatusCode.NotFound, (await luongSon.GetPageAsync(Board(id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await luongSon.GetPageAsync(Board(id, "Submitted"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Board(987654))).Status);

        // A school asked by the round answers it, but does not see its board.
        var school = await As(fixture.Factory, Accounts.Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetPageAsync(Board(id))).Status);
        Assert.Equal(HttpStatusCode.OK, (await district.GetPageAsync(Board(id))).Status);
    }
}

public sealed class ReportStatusBoardSqliteTests(SqliteSiteFixture fixture) : ReportStatusBoardTests<SqliteSiteFixture>(fixture);

public sealed class ReportStatusBoardPostgresTests(PostgresSiteFixture fixture) : ReportStatusBoardTests<PostgresSiteFixture>(fixture);
