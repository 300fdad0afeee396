using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// The status board's "Nhắc các đơn vị chưa nộp" on both databases: the contributor of a school that has not submitted
/// finds the reminder (title, deadline in Vietnam time, link to its report page) in its notifications, the one of a
/// school that has submitted does not; the flash counts units and users; a second click within ten minutes is refused;
/// a draft round is refused; 404 out of scope and 403 for a school.
/// </summary>
public abstract class ReportReminderTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private const string DaKao = "truong-mn-da-kao";

    private static string Board(int id) => $"/admin/bao-cao/{id}/tinh-hinh";

    private async Task<int> OpenRoundAsync(AdminClient district, string title, string deadline)
    {
        var id = await CreateRoundAsync(fixture, district, title, nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private async Task<List<NotificationView>> RemindersOfAsync(string userName, int roundId)
        => await fixture.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName);
            var page = await sp.GetRequiredService<INotificationInbox>().ListAsync(user!.Id, 1, 100);
            return page.Items.Where(n => n.Kind == "ReportReminder" && n.Url == $"/admin/bao-cao/cua-don-vi/{roundId}").ToList();
        });

    private async Task<int> RecordsAsync(int roundId)
        => await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<NotificationRecord>()
            .CountAsync(r => r.Kind == "ReportReminder" && r.Url == $"/admin/bao-cao/cua-don-vi/{roundId}"));

    [SkippableFact]
    public async Task The_reminder_reaches_a_school_that_has_not_submitted_and_not_one_that_has_and_a_second_click_is_refused()
    {
        fixture.SkipUnlessAvailable();
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var daKaoUser = Unique("truong.dakao.");
        await CreateUserAsync(admin, daKaoUser, DaKao, "SchoolContributor");
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var deadlineUtc = new DateTime(DateTime.UtcNow.AddDays(5).Year, DateTime.UtcNow.AddDays(5).Month, DateTime.UtcNow.AddDays(5).Day, 9, 30, 0, DateTimeKind.Utc);
        var title = Unique("Nhắc nộp ");
        var id = await OpenRoundAsync(district, title, (deadlineUtc + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var asked = (await RoundAsync(fixture, id)).Units.Select(u => u.OrganizationId).ToList();
        Assert.Contains(DaKao, asked);

        // Bến Thành starts and submits its report through its form.
        var school = await As(fixture.Factory, Accounts.Contributor);
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        using (var started = await PostAsync(school, url, url + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var fields = await FilledReportFormAsync(fixture, school, id, "Nhà trường đã thực hiện nội dung này.");

        using (var submitted = await PostAsync(school, url, url, [.. fields, ("_action", "submit")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var (_, board) = await district.GetPageAsync(Board(id));
        var button = board.QuerySelector($"form.remind-form[action='{Board(id)}/nhac'] button");
        Assert.Equal("Nhắc các đơn vị chưa nộp", button?.TextContent.Trim());
        using (var reminded = await PostAsync(district, Board(id), Board(id) + "/nhac"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
            Assert.Equal(Board(id), reminded.Headers.Location?.OriginalString);
        }

        var (_, after) = await district.GetPageAsync(Board(id));
        var flash = Text(after, ".flash");
        var m = Regex.Match(flash, @"Đã nhắc (\d+) đơn vị chưa nộp \((\d+) người dùng nhận thông báo\)");
        Assert.True(m.Success, flash);
        var records = await RecordsAsync(id);
        Assert.Equal(records, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var units = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(units, 1, asked.Count - 1);

        var mine = Assert.Single(await RemindersOfAsync(daKaoUser, id));
        Assert.Contains(title, mine.Subject);
        Assert.Contains((deadlineUtc + Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture), mine.Body);
        Assert.Empty(await RemindersOfAsync(Accounts.Contributor, id));

        // A second click within ten minutes sends nothing and says why.
        using (var again = await PostAsync(district, Board(id), Board(id) + "/nhac"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var (_, refused) = await district.GetPageAsync(Board(id));
        Assert.Contains("đã được nhắc lúc", Text(refused, ".flash"));
        Assert.Equal(records, await RecordsAsync(id));
        Assert.Single(await RemindersOfAsync(daKaoUser, id));
    }

    [SkippableFact]
    public async Task A_draft_round_is_refused_and_a_curator_of_another_district_gets_404_and_a_school_403()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var draft = await CreateRoundAsync(fixture, district, Unique("Nháp "), nameof(UnitsAskedRule.Schools));
        var (_, board) = await district.GetPageAsync(Board(draft));
        Assert.Null(board.QuerySelector("form.remind-form"));
        using (var response = await PostAsync(district, Board(draft), Board(draft) + "/nhac"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var (_, refused) = await district.GetPageAsync(Board(draft));
        Assert.Contains("nháp", Text(refused, ".flash"));
        Assert.Equal(0, await RecordsAsync(draft));

        var id = await OpenRoundAsync(district, Unique("Phạm vi "), (DateTime.UtcNow.AddDays(3) + Vietnam).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        using (var outOfScope = await PostAsync(luongSon, "/admin", Board(id) + "/nhac"))
        {
            Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        }

        var school = await As(fixture.Factory, Accounts.Contributor);
        using (var forbidden = await PostAsync(school, "/admin", Board(id) + "/nhac"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        Assert.Equal(0, await RecordsAsync(id));
    }
}

public sealed class ReportReminderSqliteTests(SqliteSiteFixture fixture) : ReportReminderTests<SqliteSiteFixture>(fixture);

public sealed class ReportReminderPostgresTests(PostgresSiteFixture fixture) : ReportReminderTests<PostgresSiteFixture>(fixture);
