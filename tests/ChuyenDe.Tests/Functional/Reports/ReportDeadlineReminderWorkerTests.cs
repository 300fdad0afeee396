using System.Globalization;
using System.Net;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>The site with the automatic reminders on (3 days, a pass every second), as in production but faster.</summary>
public sealed class ReminderWorkerSiteFixture : SiteFixture
{
    protected override bool Available => true;

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override CmsAppFactory CreateFactory(TestDatabase database)
        => new(database, new Dictionary<string, string?>
        {
            ["ChuyenDe:Reports:ReminderDaysBeforeDeadline"] = "3",
            ["ChuyenDe:Reports:ReminderInterval"] = "00:00:01",
        });
}

/// <summary>The background service is wired: the site starts with it on, and it reminds a round opened while it runs, once.</summary>
public sealed class ReportDeadlineReminderWorkerTests(ReminderWorkerSiteFixture fixture) : IClassFixture<ReminderWorkerSiteFixture>
{
    [Fact]
    public async Task The_background_service_reminds_an_open_round_due_in_two_days_once()
    {
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Nhắc nền "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var deadline = (DateTime.UtcNow.AddDays(2) + TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using (var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        Task<int> RecordsAsync() => fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<NotificationRecord>()
            .CountAsync(r => r.Kind == ReportDeadlineReminderService.Kind && r.Url == $"/admin/bao-cao/cua-don-vi/{id}"));

        var records = 0;
        for (var waited = 0; waited < 150 && records == 0; waited++)
        {
            await Task.Delay(100);
            records = await RecordsAsync();
        }

        Assert.True(records > 0, "The background service sent no reminder within 15 seconds.");
        // A few more passes: still the same notifications.
        await Task.Delay(2500);
        Assert.Equal(records, await RecordsAsync());
    }
}
