using System.Net;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// Cascading on both databases, over HTTP: the Department's round asks Quận 1; Quận 1's curator opens, from its own
/// report, the linked round for its schools (outline and indicators copied, its schools asked, a draft; a second click
/// goes to the same round); two schools answer it and the district's report is pre-filled with their figures added up
/// by each indicator's rule (sum, weighted share, average), a school's draft not counted; a submitted district report
/// is never overwritten; a school and another district's curator get 404.
/// </summary>
public abstract class CascadingReportsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Quan1 = "phong-quan-1";
    private const string BenThanh = "truong-mn-ben-thanh";
    private const string TanDinh = "truong-mn-tan-dinh";

    private static string Own(int roundId) => $"/admin/bao-cao/cua-don-vi/{roundId}";

    /// <summary>The Department's curator makes a round for the district offices and opens it.</summary>
    private async Task<int> DepartmentRoundAsync()
    {
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var id = await CreateRoundAsync(fixture, department, Unique("Sơ kết chuyên đề "), nameof(UnitsAskedRule.DistrictOffices));
        using var opened = await PostAsync(department, $"/admin/bao-cao/{id}/sua", $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private static async Task StartAsync(AdminClient client, int roundId)
    {
        using var started = await PostAsync(client, Own(roundId), Own(roundId) + "/bat-dau");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }

    /// <summary>A school's answer: every section written, every figure given, the named ones as chosen.</summary>
    private static async Task AnswerAsync(AdminClient school, int roundId, bool submit, IReadOnlyDictionary<string, string> figures, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var (_, page) = await school.GetPageAsync(Own(roundId));
        var fields = FormFields(page, "form.unit-report")
            .Select(f => f.Name.StartsWith("section-", StringComparison.Ordinal) ? (f.Name, "Nhà trường đã thực hiện nội dung này.") : f).ToList();
        foreach (var indicator in indicators)
        {
            fields = fields.With("value-" + indicator.Key, figures.TryGetValue(indicator.Key, out var given) ? given : indicator.Kind switch
            {
                IndicatorKind.WholeNumber => "2",
                IndicatorKind.Percentage => "50",
                IndicatorKind.Decimal => "1,5",
                IndicatorKind.YesNo => "Có",
                _ => "Ghi chú",
            });
        }

        using var saved = await PostAsync(school, Own(roundId), Own(roundId), [.. fields, ("_action", submit ? "submit" : "draft")]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"Saving the school's report failed: {(int)saved.StatusCode}");
    }

    private async Task<Dictionary<string, string>> DistrictValuesAsync(int roundId)
        => await fixture.WithServicesAsync(async sp => UnitReports.ReadMap(await sp.GetRequiredService<DbContext>().Set<UnitReport>().AsNoTracking()
            .Where(r => r.RoundId == roundId && r.OrganizationId == Quan1).Select(r => r.ValuesJson).SingleAsync()));

    [SkippableFact]
    public async Task A_district_opens_one_linked_round_for_its_schools_and_prefills_its_report_from_their_submitted_figures()
    {
        fixture.SkipUnlessAvailable();
        var parentId = await DepartmentRoundAsync();
        var parent = await RoundAsync(fixture, parentId);
        var district = await As(fixture.Factory, Accounts.DistrictCurator);

        // The district's own report shows the action; nothing is linked yet.
        var (status, own) = await district.GetPageAsync(Own(parentId));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Mở đợt báo cáo cho các trường", Text(own, "form.open-for-schools button"));
        Assert.Null(own.QuerySelector(".report-linked-round"));

        using var opened = await PostAsync(district, Own(parentId), Own(parentId) + "/mo-dot-cho-truong");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var location = Location(opened)!;
        Assert.Matches("^/admin/bao-cao/[0-9]+/sua$", location);
        var linkedId = int.Parse(location.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        var linked = await RoundAsync(fixture, linkedId);
        Assert.Equal((parentId, Quan1, ReportRoundState.Draft), (linked.ParentRoundId, linked.OwnerOrganizationId, linked.State));
        Assert.Null(linked.DeadlineUtc);
        Assert.Equal(parent.OutlineJson, linked.OutlineJson);
        Assert.Equal(parent.IndicatorsJson, linked.IndicatorsJson);
        Assert.EndsWith(parent.Title, linked.Title);
        Assert.NotEqual(parent.Title, linked.Title);
        var schools = await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IOrganizationService>().ListAsync(CancellationToken.None))
            .Where(o => o.ParentId == Quan1 && o.Kind == OrganizationKind.School && o.Active).Select(o => o.Id).Order(StringComparer.Ordinal).ToList());
        Assert.Contains(BenThanh, schools);
        Assert.Contains(TanDinh, schools);
        Assert.Equal(schools, linked.Units.Select(u => u.OrganizationId).Order(StringComparer.Ordinal).ToList());
        var (_, edit) = await district.GetPageAsync(location);
        Assert.Contains("cùng đề cương và chỉ tiêu", Text(edit, ".flash"));

        // A second click goes to the same round.
        using var again = await PostAsync(district, Own(parentId), Own(parentId) + "/mo-dot-cho-truong");
        Assert.Equal(location, Location(again));
        var (_, afterAgain) = await district.GetPageAsync(location);
        Assert.Contains("đã được mở trước đó", Text(afterAgain, ".flash"));
        var linkedCount = await fixture.WithServicesAsync(async sp => await sp.GetRequiredService<DbContext>().Set<ReportRound>().CountAsync(r => r.ParentRoundId == parentId));
        Assert.Equal(1, linkedCount);
        (_, own) = await district.GetPageAsync(Own(parentId));
        Assert.Equal($"/admin/bao-cao/{linkedId}/sua", own.QuerySelector(".report-linked-round a")!.GetAttribute("href"));

        // Another district's curator and a school: 404.
        var luongSon = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        Assert.Equal(HttpStatusCode.NotFound, (await luongSon.GetPageAsync(location)).Status);
        using (var byOther = await PostAsync(luongSon, "/admin/bao-cao/cua-don-vi", Own(parentId) + "/mo-dot-cho-truong"))
        {
            Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        }

        using (var byOther = await PostAsync(luongSon, "/admin/bao-cao/cua-don-vi", Own(parentId) + "/lay-so-lieu"))
        {
            Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        }

        // The district sets a deadline and opens the linked round; two schools answer.
        var (_, editPage) = await district.GetPageAsync(location);
        using (var saved = await PostAsync(district, location, location, [.. FormFields(editPage, "form[action='" + location + "']").With("Deadline", "2099-03-01T17:00")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var open = await PostAsync(district, location, $"/admin/bao-cao/{linkedId}/mo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        }

        var benThanh = await As(fixture.Factory, Accounts.Contributor);
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var tanDinhUser = Unique("truong.tandinh.");
        await CreateUserAsync(admin, tanDinhUser, TanDinh, "SchoolContributor");
        var tanDinh = await As(fixture.Factory, tanDinhUser, Password);

        // A school is no district curator: the actions answer 404 on its own report.
        using (var bySchool = await PostAsync(benThanh, Own(linkedId), Own(linkedId) + "/mo-dot-cho-truong"))
        {
            Assert.Equal(HttpStatusCode.NotFound, bySchool.StatusCode);
        }

        var indicators = ReportJson.ReadIndicators(linked.IndicatorsJson);
        await StartAsync(benThanh, linkedId);
        await AnswerAsync(benThanh, linkedId, true, new Dictionary<string, string>
        {
            ["tong-so-truong"] = "10", ["truong-tham-gia"] = "8", ["ty-le-truong-tham-gia"] = "80", ["ty-le-cha-me-hai-long"] = "90",
        }, indicators);
        await StartAsync(tanDinh, linkedId);
        // Tân Định's draft is not counted.
        await AnswerAsync(tanDinh, linkedId, false, new Dictionary<string, string>
        {
            ["tong-so-truong"] = "1000", ["truong-tham-gia"] = "900", ["ty-le-truong-tham-gia"] = "10", ["ty-le-cha-me-hai-long"] = "10",
        }, indicators);

        // The district starts its own report, types a text and one figure the schools do not give, then pre-fills.
        await StartAsync(district, parentId);
        (_, own) = await district.GetPageAsync(Own(parentId));
        Assert.Equal("Lấy số liệu từ các trường", Text(own, "form.prefill-from-schools button"));
        var ownFields = FormFields(own, "form.unit-report");
        var sectionKey = ownFields.First(f => f.Name.StartsWith("section-", StringComparison.Ordinal)).Name;
        using (var draft = await PostAsync(district, Own(parentId), Own(parentId), [.. ownFields.With(sectionKey, "Phòng đã chỉ đạo các trường."), ("_action", "draft")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        using (var first = await PostAsync(district, Own(parentId), Own(parentId) + "/lay-so-lieu"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        (_, own) = await district.GetPageAsync(Own(parentId));
        Assert.Contains("số liệu của 1 trường", Text(own, ".flash"));
        var values = await DistrictValuesAsync(parentId);
        Assert.Equal(("10", "8", "80", "90"), (values["tong-so-truong"], values["truong-tham-gia"], values["ty-le-truong-tham-gia"], values["ty-le-cha-me-hai-long"]));

        // Tân Định submits: both count — sums, the share weighted by the number of schools, the average.
        await AnswerAsync(tanDinh, linkedId, true, new Dictionary<string, string>
        {
            ["tong-so-truong"] = "30", ["truong-tham-gia"] = "15", ["ty-le-truong-tham-gia"] = "50", ["ty-le-cha-me-hai-long"] = "70",
        }, indicators);
        using (var second = await PostAsync(district, Own(parentId), Own(parentId) + "/lay-so-lieu"))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        (_, own) = await district.GetPageAsync(Own(parentId));
        Assert.Contains("số liệu của 2 trường", Text(own, ".flash"));
        values = await DistrictValuesAsync(parentId);
        Assert.Equal(("40", "23", "57.5", "80"), (values["tong-so-truong"], values["truong-tham-gia"], values["ty-le-truong-tham-gia"], values["ty-le-cha-me-hai-long"]));
        // The form shows them editable, Vietnamese style, and the text typed before is kept.
        Assert.Equal("57,5", own.QuerySelector("#value-ty-le-truong-tham-gia")!.GetAttribute("value"));
        Assert.Null(own.QuerySelector("#value-ty-le-truong-tham-gia")!.GetAttribute("readonly"));
        Assert.Equal("Phòng đã chỉ đạo các trường.", own.QuerySelector($"#{sectionKey}")!.TextContent.Trim());

        // The district edits a figure and submits; pre-filling then changes nothing.
        await AnswerAsync(district, parentId, true, new Dictionary<string, string> { ["truong-tham-gia"] = "24" }, ReportJson.ReadIndicators(parent.IndicatorsJson));
        var submitted = await DistrictValuesAsync(parentId);
        Assert.Equal("24", submitted["truong-tham-gia"]);
        using (var refused = await PostAsync(district, Own(parentId), Own(parentId) + "/lay-so-lieu"))
        {
            // Said on the report page (a redirect, so reloading never re-posts nor lands on a 404).
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal(Own(parentId), refused.Headers.Location!.OriginalString);
        }

        (_, own) = await district.GetPageAsync(Own(parentId));
        Assert.Contains("đang soạn hoặc bị trả lại", Text(own, ".flash"));
        Assert.Null(own.QuerySelector(".error-summary"));

        Assert.Equal(submitted, await DistrictValuesAsync(parentId));
    }
}

public sealed class CascadingReportsSqliteTests(SqliteSiteFixture fixture) : CascadingReportsTests<SqliteSiteFixture>(fixture);

public sealed class CascadingReportsPostgresTests(PostgresSiteFixture fixture) : CascadingReportsTests<PostgresSiteFixture>(fixture);
