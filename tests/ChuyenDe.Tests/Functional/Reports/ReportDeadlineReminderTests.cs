using System.Net;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// The automatic deadline reminder on both databases, a pass run on a clock of the test's own: each unit that has not
/// submitted is reminded once (a second pass, or a later one, tells nobody again), in Vietnamese with the days left and
/// the deadline in Vietnam time; not before the window (counted in Vietnam calendar days, so 23:30 and 00:30 Vietnam
/// time differ though both are the same UTC day), not after the deadline, not a unit that has submitted or was accepted,
/// not for a draft or closed round, nothing with 0 days. Each test uses its own year so that passes do not meet.
/// </summary>
public abstract class ReportDeadlineReminderTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string BenThanh = "truong-mn-ben-thanh";
    private const string DaKao = "truong-mn-da-kao";

    private static string Mine(int id) => $"/admin/bao-cao/cua-don-vi/{id}";

    /// <summary>A round of Quận 1 for its schools with the deadline typed in Vietnam time; opened unless told otherwise.</summary>
    private async Task<int> RoundAsync(string deadlineVietnam, bool open = true)
    {
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Nhắc tự động "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadlineVietnam)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        if (open)
        {
            using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        return id;
    }

    /// <summary>One pass as the background service runs it, at <paramref name="utc"/>.</summary>
    private async Task<DeadlineReminderPass> PassAsync(DateTime utc, int days = 3)
        => await fixture.WithServicesAsync(sp => ActivatorUtilities.CreateInstance<ReportDeadlineReminderService>(sp,
                (TimeProvider)new ManualClock(new DateTimeOffset(utc, TimeSpan.Zero)),
                Options.Create(new ReportsOptions { ReminderDaysBeforeDeadline = days }))
            .RunOnceAsync(CancellationToken.None));

    private async Task<List<NotificationView>> RemindersOfAsync(string userName, int roundId)
        => await fixture.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName);
            var page = await sp.GetRequiredService<INotificationInbox>().ListAsync(user!.Id, 1, 100);
            return page.Items.Where(n => n.Kind == ReportDeadlineReminderService.Kind && n.Url == Mine(roundId)).ToList();
        });

    private async Task<int> RecordsAsync(int roundId)
        => await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<NotificationRecord>()
            .CountAsync(r => r.Kind == ReportDeadlineReminderService.Kind && r.Url == Mine(roundId)));

    private async Task SubmitAsync(AdminClient school, int id)
    {
        using (var started = await PostAsync(school, Mine(id), Mine(id) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var fields = await FilledReportFormAsync(fixture, school, id, "Đã thực hiện.");

        using var submitted = await PostAsync(school, Mine(id), Mine(id), [.. fields, ("_action", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    [SkippableFact]
    public async Task Each_unit_not_submitted_is_reminded_once_within_the_window_counted_in_Vietnam_days()
    {
        fixture.SkipUnlessAvailable();
        // Deadline 17:00 10/03/2031 Vietnam time = 10:00 UTC.
        var id = await RoundAsync("2031-03-10T17:00");
        var asked = (await ReportsTestSupport.RoundAsync(fixture, id)).Units.Select(u => u.OrganizationId).ToList();
        var accepted = asked.First(o => o != BenThanh && o != DaKao);
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var daKaoUser = Unique("truong.dakao.");
        await CreateUserAsync(admin, daKaoUser, DaKao, "SchoolContributor");
        var acceptedUser = Unique("truong.chapnhan.");
        await CreateUserAsync(admin, acceptedUser, accepted, "SchoolContributor");

        // Bến Thành has submitted; the third school's report is accepted (its state set as the review would).
        await SubmitAsync(await As(fixture.Factory, Accounts.Contributor), id);
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var row = await db.Set<ReportRoundUnit>().SingleAsync(u => u.RoundId == id && u.OrganizationId == accepted);
            row.ReportState = UnitReportState.Accepted;
            return await db.SaveChangesAsync();
        });

        // Nine days before, and at 23:30 Vietnam time four calendar days before (16:30 UTC on 06/03): not yet.
        await PassAsync(new DateTime(2031, 3, 1, 2, 0, 0, DateTimeKind.Utc));
        await PassAsync(new DateTime(2031, 3, 6, 16, 30, 0, DateTimeKind.Utc));
        Assert.Equal(0, await RecordsAsync(id));

        // 00:30 Vietnam time on 07/03 (17:30 UTC, still 06/03 in UTC): three days left, Đa Kao is reminded.
        var first = await PassAsync(new DateTime(2031, 3, 6, 17, 30, 0, DateTimeKind.Utc));
        Assert.True(first.Units >= 1);
        var reminder = Assert.Single(await RemindersOfAsync(daKaoUser, id));
        Assert.Equal(reminder.Subject, $"Còn 3 ngày đến hạn nộp báo cáo: “{(await ReportsTestSupport.RoundAsync(fixture, id)).Title}”");
        Assert.Contains("17:00 10/03/2031 (giờ Việt Nam)", reminder.Body);
        Assert.Contains("Còn 3 ngày.", reminder.Body);
        Assert.Contains("chưa được nộp", reminder.Body);
        Assert.Empty(await RemindersOfAsync(Accounts.Contributor, id));
        Assert.Empty(await RemindersOfAsync(acceptedUser, id));
        var records = await RecordsAsync(id);

        // Run again at once, and the day of the deadline: nobody is told twice.
        await PassAsync(new DateTime(2031, 3, 6, 17, 30, 0, DateTimeKind.Utc));
        await PassAsync(new DateTime(2031, 3, 10, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(records, await RecordsAsync(id));
        Assert.Single(await RemindersOfAsync(daKaoUser, id));
    }

    [SkippableFact]
    public async Task No_reminder_after_the_deadline_for_draft_or_closed_rounds_or_when_turned_off()
    {
        fixture.SkipUnlessAvailable();
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var daKaoUser = Unique("truong.dakao.");
        await CreateUserAsync(admin, daKaoUser, DaKao, "SchoolContributor");
        // Deadline 08:00 15/06/2032 Vietnam time = 01:00 UTC.
        var open = await RoundAsync("2032-06-15T08:00");
        var draft = await RoundAsync("2032-06-15T08:00", open: false);
        var closed = await RoundAsync("2032-06-15T08:00");
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        using (var closing = await PostAsync(district, $"/admin/bao-cao/{closed}/sua", $"/admin/bao-cao/{closed}/dong"))
        {
            Assert.Equal(HttpStatusCode.Redirect, closing.StatusCode);
        }

        Assert.Equal(ReportRoundState.Closed, (await ReportsTestSupport.RoundAsync(fixture, closed)).State);

        // Turned off: nothing, even two days before.
        Assert.Equal(new DeadlineReminderPass(0, 0), await PassAsync(new DateTime(2032, 6, 13, 3, 0, 0, DateTimeKind.Utc), days: 0));
        // One minute after the deadline: too late for a reminder.
        await PassAsync(new DateTime(2032, 6, 15, 1, 1, 0, DateTimeKind.Utc));
        Assert.Equal((0, 0, 0), (await RecordsAsync(open), await RecordsAsync(draft), await RecordsAsync(closed)));

        // The open round is reminded within the window (on the deadline's day: "hôm nay"); the draft and closed ones never.
        await PassAsync(new DateTime(2032, 6, 14, 17, 30, 0, DateTimeKind.Utc));
        var reminder = Assert.Single(await RemindersOfAsync(daKaoUser, open));
        Assert.StartsWith("Hôm nay là hạn nộp báo cáo", reminder.Subject);
        Assert.Contains("08:00 15/06/2032", reminder.Body);
        Assert.Equal((0, 0), (await RecordsAsync(draft), await RecordsAsync(closed)));
    }
}

public sealed class ReportDeadlineReminderSqliteTests(SqliteSiteFixture fixture) : ReportDeadlineReminderTests<SqliteSiteFixture>(fixture);

public sealed class ReportDeadlineReminderPostgresTests(PostgresSiteFixture fixture) : ReportDeadlineReminderTests<PostgresSiteFixture>(fixture);
