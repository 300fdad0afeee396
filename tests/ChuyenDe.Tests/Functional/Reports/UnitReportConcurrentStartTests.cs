using System.Globalization;
using System.Net;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Users;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// Two people of a school pressing "Bắt đầu" at the same moment, on both databases: the second start loses the race on
/// the unique index (RoundId, OrganizationId) and is told, in Vietnamese, that the report exists — no error page, one report.
/// </summary>
public abstract class UnitReportConcurrentStartTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string BenThanh = "truong-mn-ben-thanh";

    private async Task<int> OpenRoundAsync()
    {
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Bắt đầu cùng lúc "), nameof(UnitsAskedRule.Schools));
        var edit = $"/admin/bao-cao/{id}/sua";
        var (_, page) = await district.GetPageAsync(edit);
        var deadline = (DateTime.UtcNow.AddDays(10) + TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var saved = await PostAsync(district, edit, edit, [.. FormFields(page, "form[action='" + edit + "']").With("Deadline", deadline)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var opened = await PostAsync(district, edit, $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private async Task<List<UnitReport>> ReportsAsync(int roundId)
        => await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<UnitReport>().AsNoTracking()
            .Where(r => r.RoundId == roundId && r.OrganizationId == BenThanh).ToListAsync());

    [SkippableFact]
    public async Task A_start_that_loses_the_race_is_told_the_report_exists_and_no_second_report_is_made()
    {
        fixture.SkipUnlessAvailable();
        var id = await OpenRoundAsync();

        // Both requests have checked that no report exists; the first inserts, then the second tries.
        await using var first = fixture.Factory.Services.CreateAsyncScope();
        await using var second = fixture.Factory.Services.CreateAsyncScope();
        var userId = (await first.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(Accounts.Contributor))!.Id;
        var actor = (await first.ServiceProvider.GetRequiredService<IUserScopeService>().GetByIdAsync(userId))!;
        var firstService = first.ServiceProvider.GetRequiredService<UnitReportService>();
        var secondService = second.ServiceProvider.GetRequiredService<UnitReportService>();
        var firstContext = (await firstService.FindAsync(actor, id, CancellationToken.None))!;
        var secondContext = (await secondService.FindAsync(actor, id, CancellationToken.None))!;
        Assert.Null(firstContext.Report);
        Assert.Null(secondContext.Report);

        var won = await firstService.StartAsync(actor, firstContext, CancellationToken.None);
        Assert.Equal((0, false), (won.Errors.Count, won.AlreadyStarted));
        var lost = await secondService.StartAsync(actor, secondContext, CancellationToken.None);
        Assert.Empty(lost.Errors);
        Assert.True(lost.AlreadyStarted);

        var stored = Assert.Single(await ReportsAsync(id));
        var unit = await fixture.WithServicesAsync(sp => sp.GetRequiredService<DbContext>().Set<ReportRoundUnit>().AsNoTracking()
            .SingleAsync(u => u.RoundId == id && u.OrganizationId == BenThanh));
        Assert.Equal((stored.Id, UnitReportState.Draft), (unit.ReportContentItemId, unit.ReportState));

        // The losing request's context is usable afterwards: the same scope finds the report.
        var again = (await secondService.FindAsync(actor, id, CancellationToken.None))!;
        Assert.Equal(stored.Id, again.Report?.Id);
    }

    [SkippableFact]
    public async Task Two_people_of_the_unit_pressing_start_together_both_land_on_the_one_report()
    {
        fixture.SkipUnlessAvailable();
        var id = await OpenRoundAsync();
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var colleague = Unique("truong.benthanh.");
        await CreateUserAsync(admin, colleague, BenThanh, "SchoolContributor");
        var one = await As(fixture.Factory, Accounts.Contributor);
        var two = await As(fixture.Factory, colleague, Password);
        var url = $"/admin/bao-cao/cua-don-vi/{id}";
        var (_, pageOne) = await one.GetPageAsync(url);
        var (_, pageTwo) = await two.GetPageAsync(url);
        Assert.NotNull(pageOne.QuerySelector("form.start-report"));
        Assert.NotNull(pageTwo.QuerySelector("form.start-report"));

        var responses = await Task.WhenAll(PostAsync(one, url, url + "/bat-dau"), PostAsync(two, url, url + "/bat-dau"));
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(url, Location(response));
            response.Dispose();
        }

        Assert.Single(await ReportsAsync(id));
        var (status, after) = await two.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(after.QuerySelector("form.unit-report"));
    }
}

public sealed class UnitReportConcurrentStartSqliteTests(SqliteSiteFixture fixture) : UnitReportConcurrentStartTests<SqliteSiteFixture>(fixture);

public sealed class UnitReportConcurrentStartPostgresTests(PostgresSiteFixture fixture) : UnitReportConcurrentStartTests<PostgresSiteFixture>(fixture);
