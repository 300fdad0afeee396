using System.Globalization;
using System.Net;
using System.Text;
using ChuyenDe.Modules.Analytics;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Tests.Functional.Admin;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.ContentAdminSupport;

namespace ChuyenDe.Tests.Functional.Analytics;

/// <summary>
/// The statistics of views and downloads (<c>/admin/thong-ke/luot-xem</c>) against hand-computed daily counts of March
/// and April 2021: per item, per unit (units without any included) and per day or month, within each user's scope and a
/// district; the CSV and XLSX files carry the same numbers; who may not see them is refused.
/// </summary>
public abstract class ViewStatisticsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string VoThiSau = "truong-mn-vo-thi-sau";
    private const string Unassigned = "muc-khong-don-vi";
    private const string Period = "tu=2021-03-01&den=2021-04-30";
    private static readonly DateOnly From = new(2021, 3, 1);
    private static readonly DateOnly To = new(2021, 4, 30);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<SiteFixture, (ContentItem A, ContentItem B, ContentItem C)> Seeded = [];

    private ContentItem _a = null!, _b = null!, _c = null!;

    /// <summary>
    /// The fixture, written once per site through the same upsert as the flush:
    /// A (Bến Thành, Quận 1): 5/3 3 views 1 download, 20/3 2 views (written as 1 + 1), 2/4 4 views 2 downloads; 28/2 and 1/5 100 views each (outside).
    /// B (Võ Thị Sáu, Quận 3): 5/3 5 views, 30/4 1 download. C (Cửu Long, Lương Sơn, Hòa Bình): 10/3 7 views 7 downloads.
    /// An item of no unit: 1/4 1 view.
    /// </summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Seeded.TryGetValue(fixture, out var items))
            {
                var a = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến A thống kê"), BenThanh, Accounts.Administrator, publish: true);
                var b = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến B thống kê"), VoThiSau, Accounts.Administrator, publish: true);
                var c = await CreateInitiativeAsync(fixture, FreshTitle("Sáng kiến C thống kê"), CuuLong, Accounts.Administrator, publish: true);
                await fixture.WithServicesAsync(async sp =>
                {
                    var counts = sp.GetRequiredService<ContentDailyCounts>();
                    await counts.AddAsync(
                    [
                        new(new DateOnly(2021, 3, 5), a.ContentItemId, 3, 1), new(new DateOnly(2021, 3, 20), a.ContentItemId, 1, 0),
                        new(new DateOnly(2021, 4, 2), a.ContentItemId, 4, 2), new(new DateOnly(2021, 2, 28), a.ContentItemId, 100, 0),
                        new(new DateOnly(2021, 5, 1), a.ContentItemId, 100, 0),
                        new(new DateOnly(2021, 3, 5), b.ContentItemId, 5, 0), new(new DateOnly(2021, 4, 30), b.ContentItemId, 0, 1),
                        new(new DateOnly(2021, 3, 10), c.ContentItemId, 7, 7),
                    ]);
                    await counts.AddAsync([new(new DateOnly(2021, 3, 20), a.ContentItemId, 1, 0)]);
                    var db = sp.GetRequiredService<DbContext>();
                    db.Add(new ContentDailyCount { Day = new DateOnly(2021, 4, 1), ContentItemId = Unassigned, OrganizationId = null, Views = 1 });
                    await db.SaveChangesAsync();
                    return 0;
                });
                Seeded[fixture] = items = (a, b, c);
            }

            (_a, _b, _c) = items;
        }
        finally
        {
            Once.Release();
        }
    }

    private Task<AnalyticsReport> ReportAsync(string userName, AnalyticsGranularity step = AnalyticsGranularity.Month, string? district = null)
        => fixture.WithServicesAsync(async sp =>
        {
            var userId = await UserIdAsync(fixture, userName);
            var scope = (await sp.GetRequiredService<IUserScopeService>().GetByIdAsync(userId))!;
            return await sp.GetRequiredService<AnalyticsQueryService>().GetAsync(scope, new AnalyticsFilter(From, To, district, step));
        });

    private static (long Views, long Downloads) Of(AnalyticsReport report, string contentItemId)
        => report.Items.Where(i => i.ContentItemId == contentItemId).Select(i => (i.Views, i.Downloads)).SingleOrDefault();

    private static (long Views, long Downloads, int Items)? Unit(AnalyticsReport report, string? organizationId)
        => report.Units.Where(u => u.OrganizationId == organizationId).Select(u => ((long, long, int)?)(u.Views, u.Downloads, u.Items)).SingleOrDefault();

    [SkippableFact]
    public async Task The_administrator_sees_every_item_and_unit_and_the_months_add_up()
    {
        fixture.SkipUnlessAvailable();
        await SeedAsync();
        var report = await ReportAsync(Accounts.Administrator);

        Assert.Equal([_a.ContentItemId, _c.ContentItemId, _b.ContentItemId, Unassigned], report.Items.Select(i => i.ContentItemId));
        Assert.Equal((9, 3), Of(report, _a.ContentItemId));
        Assert.Equal((5, 1), Of(report, _b.ContentItemId));
        Assert.Equal((7, 7), Of(report, _c.ContentItemId));
        Assert.Equal((1, 0), Of(report, Unassigned));
        Assert.Equal(_a.DisplayText, report.Items[0].Title);
        Assert.Equal(BenThanh, report.Items[0].OrganizationId);

        Assert.Equal((9L, 3L, 1), Unit(report, BenThanh));
        Assert.Equal((5L, 1L, 1), Unit(report, VoThiSau));
        Assert.Equal((7L, 7L, 1), Unit(report, CuuLong));
        Assert.Equal((1L, 0L, 1), Unit(report, null));
        Assert.Equal((0L, 0L, 0), Unit(report, "truong-mn-tan-dinh")); // an empty group is shown
        Assert.Equal("Phòng Giáo dục và Đào tạo Quận 1", report.Units.Single(u => u.OrganizationId == BenThanh).DistrictName);

        Assert.Equal([(new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 31), 17L, 8L), (new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 30), 5L, 3L)],
            report.Series.Select(p => (p.Start, p.End, p.Views, p.Downloads)));
        Assert.Equal((22, 11), (report.TotalViews, report.TotalDownloads));
    }

    [SkippableFact]
    public async Task The_statistics_page_charts_the_views_and_downloads_over_time_and_the_units_read_most()
    {
        fixture.SkipUnlessAvailable();
        await SeedAsync();
        var admin = await SystemAdmin.As(fixture.Factory, Accounts.Administrator);
        // Four months, counted by month (a period of up to two months is counted by day): the seed's 100 views of item A on
        // 28 February fall in it, those of 1 May do not.
        var (status, page) = await admin.GetPageAsync("/admin/thong-ke?tu=2021-01-01&den=2021-04-30");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);

        string[][] Rows(string tableId) => page.QuerySelectorAll($"table#bang-{tableId} tbody tr, table#bang-{tableId} tfoot tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToArray();
        var overTime = Rows("luot-xem-theo-thoi-gian");
        Assert.Equal([["01/2021", "0", "0"], ["02/2021", "100", "0"], ["03/2021", "17", "8"], ["04/2021", "5", "3"]], overTime[..4]);
        Assert.Equal(["122", "11"], overTime[4][1..]);
        var units = Rows("luot-xem-theo-don-vi");
        Assert.Equal(["109", "3"], units[0][1..]);
        Assert.Equal(["7", "7"], units[1][1..]);
        Assert.Equal(["5", "1"], units[2][1..]);
        Assert.NotNull(page.QuerySelector("article#luot-xem-theo-thoi-gian svg[role=img]"));
    }

    [SkippableFact]
    public async Task Each_curator_sees_only_the_units_of_their_scope_and_a_district_narrows_it()
    {
        fixture.SkipUnlessAvailable();
        await SeedAsync();

        // The Department of Hồ Chí Minh City: its two districts' items and the items of no unit; not Hòa Bình's.
        var department = await ReportAsync(Accounts.DepartmentCurator);
        Assert.Equal([_a.ContentItemId, _b.ContentItemId, Unassigned], department.Items.Select(i => i.ContentItemId));
        Assert.Equal((15, 4), (department.TotalViews, department.TotalDownloads));
        Assert.Null(Unit(department, CuuLong));
        Assert.DoesNotContain(department.Units, u => u.OrganizationId == "phong-luong-son");

        // The district curator of Quận 1: Bến Thành only, the other schools of Quận 1 with zeros.
        var district = await ReportAsync(Accounts.DistrictCurator);
        Assert.Equal([_a.ContentItemId], district.Items.Select(i => i.ContentItemId));
        Assert.Equal((9, 3), (district.TotalViews, district.TotalDownloads));
        Assert.Equal(["phong-quan-1", BenThanh, "truong-mn-da-kao", "truong-mn-tan-dinh"], district.Units.Select(u => u.OrganizationId!).Order(StringComparer.Ordinal));
        Assert.Null(Unit(district, null));

        // The curator of Lương Sơn: Cửu Long.
        var other = await ReportAsync(Accounts.OtherDistrictCurator);
        Assert.Equal([_c.ContentItemId], other.Items.Select(i => i.ContentItemId));

        // The Department narrowed to Quận 3, by day: Võ Thị Sáu's two days, 61 days in all.
        var quan3 = await ReportAsync(Accounts.DepartmentCurator, AnalyticsGranularity.Day, "phong-quan-3");
        Assert.Equal([_b.ContentItemId], quan3.Items.Select(i => i.ContentItemId));
        Assert.Equal(61, quan3.Series.Count);
        Assert.Equal((5L, 0L), quan3.Series.Where(p => p.Start == new DateOnly(2021, 3, 5)).Select(p => (p.Views, p.Downloads)).Single());
        Assert.Equal((0L, 1L), (quan3.Series[^1].Views, quan3.Series[^1].Downloads));
        Assert.Equal(59, quan3.Series.Count(p => p.Views == 0 && p.Downloads == 0));

        // A district outside the scope narrows to nothing.
        var outside = await ReportAsync(Accounts.DistrictCurator, district: "phong-quan-3");
        Assert.Empty(outside.Items);
        Assert.Equal(0, outside.TotalViews);
    }

    [SkippableFact]
    public async Task The_page_shows_the_tables_and_the_workbook_and_CSV_carry_the_same_numbers()
    {
        fixture.SkipUnlessAvailable();
        await SeedAsync();
        var curator = await SessionAsync(fixture, Accounts.DepartmentCurator);

        // 61 days are shown by day unless months are asked for.
        var (_, byDay) = await curator.GetPageAsync(AnalyticsAdminController.Base + "?" + Period);
        Assert.Equal(["ngay"], byDay.QuerySelectorAll("#theo option[selected]").Select(o => o.GetAttribute("value")!));
        Assert.Equal(61, byDay.QuerySelectorAll("#bang-thoi-gian-du-lieu tbody tr").Length);

        var (status, page) = await curator.GetPageAsync(AnalyticsAdminController.Base + "?" + Period + "&theo=thang");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Lượt xem và tải về", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("15 lượt xem, 4 lượt tải về", page.QuerySelector(".analytics-totals")!.TextContent);
        var itemRows = page.QuerySelectorAll("#bang-noi-dung-du-lieu tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["1", _a.DisplayText, "Sáng kiến", "Trường Mầm non Bến Thành", "9", "3"], itemRows[0]);
        Assert.Equal(3, itemRows.Count);
        Assert.Equal(["3", Unassigned, "", "(không thuộc đơn vị nào)", "1", "0"], itemRows[2]);
        Assert.Equal(["thang"], page.QuerySelectorAll("#theo option[selected]").Select(o => o.GetAttribute("value")!));
        var months = page.QuerySelectorAll("#bang-thoi-gian-du-lieu tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["03/2021", "01/03/2021", "31/03/2021", "10", "1"], ["04/2021", "01/04/2021", "30/04/2021", "5", "3"]], months);
        var districts = page.QuerySelectorAll("#quan option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "phong-quan-1", "phong-quan-3"], districts.Order(StringComparer.Ordinal));

        // The workbook: three sheets, numbers as numbers.
        using var xlsx = await curator.GetAsync(AnalyticsAdminController.Base + ".xlsx?" + Period + "&theo=thang");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(AnalyticsXlsxWriter.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("luot-xem-20210301-20210430.xlsx", xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal(["Theo nội dung", "Theo đơn vị", "Theo thời gian"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
            var items = Rows(document, "Theo nội dung");
            Assert.StartsWith("Lượt xem và tải về, 01/03/2021 – 30/04/2021", items[0][0]);
            Assert.Equal(["STT", "Nội dung", "Loại nội dung", "Đơn vị", "Lượt xem", "Lượt tải về"], items[1]);
            Assert.Equal([_a.DisplayText, "9", "3"], [items[2][1], items[2][4], items[2][5]]);
            Assert.Equal([_b.DisplayText, "5", "1"], [items[3][1], items[3][4], items[3][5]]);
            Assert.Equal(["Tổng cộng", "15", "4"], [items[^1][1], items[^1][4], items[^1][5]]);
            Assert.Equal(6, items.Count); // title, header, A, B, the item of no unit, totals
            var time = Rows(document, "Theo thời gian");
            Assert.Equal(["03/2021", "01/03/2021", "31/03/2021", "10", "1"], time[2]);
            Assert.Equal(["Tổng cộng", "01/03/2021", "30/04/2021", "15", "4"], time[^1]);
            var numeric = NumericCell(document, "Theo nội dung", "E3");
            Assert.Equal("9", numeric);
        }

        // CSV of the units, as the district curator of Quận 1.
        var district = await SessionAsync(fixture, Accounts.DistrictCurator);
        using var csv = await district.GetAsync(AnalyticsAdminController.Base + ".csv?" + Period + "&bang=don-vi");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("STT,Đơn vị,Phòng GD&ĐT,\"Số nội dung được xem, tải\",Lượt xem,Lượt tải về", lines[0]);
        Assert.EndsWith(",1,9,3", lines[1]);
        Assert.Contains("Bến Thành", lines[1]);
        Assert.Equal(6, lines.Length); // header, four units of Quận 1, totals
        Assert.Equal(",Tổng cộng,,1,9,3", lines[^1]);
    }

    private static List<List<string>> Rows(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>().Select(r => r.Elements<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList()).ToList();
    }

    private static string NumericCell(SpreadsheetDocument document, string sheetName, string reference)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var cell = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        Assert.Equal(CellValues.Number, cell.DataType!.Value);
        return cell.CellValue!.Text;
    }

    [SkippableFact]
    public async Task Filters_that_cannot_be_read_are_explained_in_Vietnamese_and_refused_by_the_exports()
    {
        fixture.SkipUnlessAvailable();
        await SeedAsync();
        var district = await SessionAsync(fixture, Accounts.DistrictCurator);

        var (status, page) = await district.GetPageAsync(AnalyticsAdminController.Base + "?tu=hom-qua&quan=phong-quan-3&theo=nam");
        Assert.Equal(HttpStatusCode.OK, status);
        var errors = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("“hom-qua” không phải là ngày", errors);
        Assert.Contains("Hãy chọn một Phòng GD&ĐT trong danh sách.", errors);
        Assert.Contains("Hãy chọn theo ngày hoặc theo tháng.", errors);

        using var csv = await district.GetAsync(AnalyticsAdminController.Base + ".csv?den=2021-01-01&tu=2021-02-01");
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal("application/problem+json", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Ngày kết thúc trước ngày bắt đầu.", await csv.Content.ReadAsStringAsync());

        using var table = await district.GetAsync(AnalyticsAdminController.Base + ".csv?bang=khac");
        Assert.Equal(HttpStatusCode.BadRequest, table.StatusCode);
        using var xlsx = await district.GetAsync(AnalyticsAdminController.Base + ".xlsx?quan=phong-quan-3");
        Assert.Equal(HttpStatusCode.BadRequest, xlsx.StatusCode);
    }

    [SkippableTheory]
    [InlineData(Accounts.Contributor)]
    [InlineData(Accounts.Reviewer)]
    public async Task Users_without_the_statistics_permission_are_refused_the_page_and_the_files(string userName)
    {
        fixture.SkipUnlessAvailable();
        await SeedAsync();
        var client = await SessionAsync(fixture, userName);
        foreach (var url in new[] { AnalyticsAdminController.Base, AnalyticsAdminController.Base + ".csv", AnalyticsAdminController.Base + ".xlsx" })
        {
            using var response = await client.GetAsync(url + "?" + Period);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // Nor is the page offered in their menu.
        var (_, dashboard) = await client.GetPageAsync("/admin");
        Assert.DoesNotContain(dashboard.QuerySelectorAll("a"), a => a.GetAttribute("href") == AnalyticsAdminController.Base);
    }
}

public sealed class ViewStatisticsSqliteTests(SqliteSiteFixture fixture) : ViewStatisticsTests<SqliteSiteFixture>(fixture);

public sealed class ViewStatisticsPostgresTests(PostgresSiteFixture fixture) : ViewStatisticsTests<PostgresSiteFixture>(fixture);
