using System.Net;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// Several nodes running the automatic reminder at the same moment against one database: passes started together from
/// separate service scopes (each its own DbContext and connection, as on separate nodes) all complete without an
/// exception, and every user of every unit is told exactly once — the notifications' unique index (user, event key)
/// refuses the second insert and the notifier drops it.
/// </summary>
public abstract class ReportDeadlineReminderConcurrencyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const int Nodes = 4;

    private async Task<int> OpenRoundAsync(string deadlineVietnam)
    {
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Nhắc đồng thời "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadlineVietnam)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private async Task<DeadlineReminderPass> PassAsync(DateTimeOffset now, Barrier start)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<ReportDeadlineReminderService>(scope.ServiceProvider,
            (TimeProvider)new ManualClock(now), Options.Create(new ReportsOptions { ReminderDaysBeforeDeadline = 3 }));
        await scope.ServiceProvider.GetRequiredService<DbContext>().Database.OpenConnectionAsync(); // connected before the start line
        start.SignalAndWait(TimeSpan.FromSeconds(30));
        return await service.RunOnceAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task Passes_run_at_once_from_several_scopes_tell_each_user_once_and_throw_nothing()
    {
        fixture.SkipUnlessAvailable();
        var year = 2045;
        var rounds = new[] { await OpenRoundAsync($"{year}-04-10T17:00"), await OpenRoundAsync($"{year}-04-11T08:00") };
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var extra = Unique("truong.dongthoi.");
        await CreateUserAsync(admin, extra, "truong-mn-ben-thanh", "SchoolContributor"); // two users in one unit

        var now = new DateTimeOffset(year, 4, 9, 1, 0, 0, TimeSpan.Zero);
        using var start = new Barrier(Nodes);
        var passes = Enumerable.Range(0, Nodes).Select(_ => Task.Run(() => PassAsync(now, start))).ToList();
        var results = await Task.WhenAll(passes); // an exception in any pass fails the test here

        Assert.All(results, r => Assert.True(r.Units >= 0));
        Assert.True(results.Max(r => r.Units) > 0, "Nothing was reminded.");
        var records = await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<NotificationRecord>().AsNoTracking()
            .Where(r => r.Kind == ReportDeadlineReminderService.Kind && r.EventKey.StartsWith(ReportDeadlineReminderService.Kind + ":"))
            .Select(r => new { r.UserId, r.EventKey }).ToListAsync());
        foreach (var id in rounds)
        {
            var ofRound = records.Where(r => r.EventKey.StartsWith($"{ReportDeadlineReminderService.Kind}:{id}:", StringComparison.Ordinal)).ToList();
            var asked = (await RoundAsync(fixture, id)).Units.Select(u => u.OrganizationId).ToList();
            Assert.NotEmpty(ofRound);
            Assert.Equal(ofRound.Count, ofRound.Select(r => (r.UserId, r.EventKey)).Distinct().Count()); // nobody twice
            Assert.Contains(ofRound, r => r.EventKey == ReportDeadlineReminderService.EventKey(id, "truong-mn-ben-thanh"));
            Assert.Equal(2, ofRound.Count(r => r.EventKey == ReportDeadlineReminderService.EventKey(id, "truong-mn-ben-thanh")));
            Assert.All(ofRound, r => Assert.Contains(r.EventKey.Split(':')[2], asked));
        }

        // A later pass finds every unit reminded already.
        using var alone = new Barrier(1);
        Assert.Equal(0, (await PassAsync(now.AddHours(1), alone)).Units);
    }
}

public sealed class ReportDeadlineReminderConcurrencySqliteTests(SqliteSiteFixture fixture) : ReportDeadlineReminderConcurrencyTests<SqliteSiteFixture>(fixture);

public sealed class ReportDeadlineReminderConcurrencyPostgresTests(PostgresSiteFixture fixture) : ReportDeadlineReminderConcurrencyTests<PostgresSiteFixture>(fixture);
