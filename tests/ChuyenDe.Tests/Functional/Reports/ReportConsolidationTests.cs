using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Tests.Functional.Admin;
using ChuyenDe.Tests.Unit.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;
using static ChuyenDe.Tests.Functional.Reports.ReportsTestSupport;

namespace ChuyenDe.Tests.Functional.Reports;

/// <summary>
/// /admin/bao-cao/{id}/tong-hop and its downloads on both databases, over HTTP: the Department's round of every school
/// adds up, per district office and overall, the submitted and accepted reports only (a draft and a returned report —
/// even its earlier submission — are not counted); the XLSX (a sheet per level, numeric cells), CSV and DOCX carry the
/// same figures and the units' texts under the outline's headings; a round of district offices shows its schools'
/// level from the linked rounds and the board shows each linked round's progress; a school, another district and a user
/// without ViewConsolidations get 404/403.
/// </summary>
public abstract class ReportConsolidationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Quan1 = "phong-quan-1";
    private const string Quan3 = "phong-quan-3";
    private const string BenThanh = "truong-mn-ben-thanh";
    private const string TanDinh = "truong-mn-tan-dinh";
    private const string VoThiSau = "truong-mn-vo-thi-sau";
    private const string HoaHong = "truong-mn-hoa-hong";

    private static string Own(int roundId) => $"/admin/bao-cao/cua-don-vi/{roundId}";

    private static string Page(int roundId) => $"/admin/bao-cao/{roundId}/tong-hop";

    private static string Review(int roundId, string unit) => $"/admin/bao-cao/{roundId}/don-vi/{unit}";

    private async Task<int> OpenDepartmentRoundAsync(string rule)
    {
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var id = await CreateRoundAsync(fixture, department, Unique("Tổng hợp sơ kết "), rule);
        using var opened = await PostAsync(department, $"/admin/bao-cao/{id}/sua", $"/admin/bao-cao/{id}/mo");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return id;
    }

    private async Task<AdminClient> UserOfAsync(string organizationId, string role = "SchoolContributor")
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var userName = Unique("tonghop.");
        await CreateUserAsync(admin, userName, organizationId, role);
        return await As(fixture.Factory, userName, Password);
    }

    /// <summary>Starts the unit's report and saves it: every section written with <paramref name="text"/>, the figures given, defaults for the rest.</summary>
    private static async Task AnswerAsync(AdminClient unit, int roundId, bool submit, string text, IReadOnlyDictionary<string, string> figures, IReadOnlyList<IndicatorDefinition> indicators)
    {
        using (var started = await PostAsync(unit, Own(roundId), Own(roundId) + "/bat-dau"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var (_, page) = await unit.GetPageAsync(Own(roundId));
        var fields = FormFields(page, "form.unit-report")
            .Select(f => f.Name.StartsWith("section-", StringComparison.Ordinal) ? (f.Name, text) : f).ToList();
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

        using var saved = await PostAsync(unit, Own(roundId), Own(roundId), [.. fields, ("_action", submit ? "submit" : "draft")]);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"Saving the report failed: {(int)saved.StatusCode}");
    }

    private static Dictionary<string, string> Figures(string schools, string taking, string share)
        => new() { ["tong-so-truong"] = schools, ["truong-tham-gia"] = taking, ["ty-le-truong-tham-gia"] = share };

    private static string Cell(IHtmlDocument page, string rowSelector, string indicator)
        => (page.QuerySelector($"{rowSelector} td[data-indicator='{indicator}']") ?? throw new Xunit.Sdk.XunitException($"No cell {indicator} in {rowSelector}")).TextContent.Trim();

    private static async Task<byte[]> DownloadAsync(AdminClient client, string url, string contentType, string extension)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType.Split(';')[0], response.Content.Headers.ContentType!.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches($"^tong-hop-tong-hop-so-ket-[a-z0-9-]+-[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\\.{extension}$", disposition.FileName!.Trim('"'));
        Assert.StartsWith("Tổng hợp", disposition.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string CellText(Cell cell)
        => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    /// <summary>The row whose column B reads <paramref name="name"/>: its cells by column letter.</summary>
    private static Dictionary<string, Cell> RowNamed(Worksheet sheet, string name)
        => sheet.Descendants<Row>().Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('B') && CellText(c) == name))
            .Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));

    private static decimal Number(Cell cell)
    {
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a numeric cell");
        return decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, string>> NamesAsync()
        => await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IOrganizationService>().ListAsync(CancellationToken.None))
            .ToDictionary(o => o.Id, o => o.Name));

    [SkippableFact]
    public async Task The_consolidation_adds_up_submitted_and_accepted_reports_per_district_and_overall_and_the_downloads_carry_the_same()
    {
        fixture.SkipUnlessAvailable();
        var id = await OpenDepartmentRoundAsync(nameof(UnitsAskedRule.Schools));
        var round = await RoundAsync(fixture, id);
        var indicators = ReportJson.ReadIndicators(round.IndicatorsJson);
        var outline = ReportJson.ReadOutline(round.OutlineJson);
        var names = await NamesAsync();
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);

        // Bến Thành (Quận 1) and Võ Thị Sáu (Quận 3) submit; Võ Thị Sáu's is then accepted: both count.
        await AnswerAsync(await As(fixture.Factory, Accounts.Contributor), id, true, "Bến Thành đã triển khai chuyên đề ở mọi lớp.", Figures("10", "8", "80"), indicators);
        await AnswerAsync(await UserOfAsync(VoThiSau), id, true, "Võ Thị Sáu tổ chức sinh hoạt cụm hằng tháng.", Figures("30", "15", "50"), indicators);
        using (var accepted = await PostAsync(department, Review(id, VoThiSau), Review(id, VoThiSau) + "/chap-nhan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        // Tân Định submits, then is returned: its earlier submission is not counted. Hoa Hồng only saves a draft.
        await AnswerAsync(await UserOfAsync(TanDinh), id, true, "Tân Định: bản nộp bị trả lại.", Figures("1000", "900", "10"), indicators);
        using (var returned = await PostAsync(department, Review(id, TanDinh), Review(id, TanDinh) + "/tra-lai", ("Reason", "Bổ sung số liệu")))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        await AnswerAsync(await UserOfAsync(HoaHong), id, false, "Hoa Hồng: bản nháp.", Figures("500", "500", "100"), indicators);

        var (status, page) = await department.GetPageAsync(Page(id));
        Assert.Equal(HttpStatusCode.OK, status);
        var asked = round.Units.Count;
        Assert.Equal($"Đã tính 2/{asked} đơn vị.", Text(page, ".consolidation-counted"));
        Assert.Contains("bị trả lại", Text(page, ".consolidation-rule"));

        // Units: counted ones with their figures; the returned and the draft ones "chưa nộp" with empty cells.
        Assert.Equal("10", Cell(page, $"#bang-don-vi-don-vi-{BenThanh}", "tong-so-truong"));
        Assert.Equal("80%", Cell(page, $"#bang-don-vi-don-vi-{BenThanh}", "ty-le-truong-tham-gia"));
        Assert.Equal("Đã chấp nhận", Text(page, $"#bang-don-vi-don-vi-{VoThiSau} .unit-state"));
        foreach (var excluded in new[] { TanDinh, HoaHong })
        {
            Assert.Equal("chưa nộp", Text(page, $"#bang-don-vi-don-vi-{excluded} .unit-state"));
            Assert.All(page.QuerySelectorAll($"#bang-don-vi-don-vi-{excluded} td.value"), c => Assert.Equal("", c.TextContent.Trim()));
        }

        // Per district and overall, each by its rule: sums, the share weighted by the number of schools.
        Assert.Equal(names[Quan1], page.QuerySelector($"#bang-don-vi-nhom-{Quan1} .group-row th")!.FirstChild!.TextContent.Trim());
        Assert.Equal(("10", "8", "80%"), (Cell(page, $"#bang-don-vi-nhom-{Quan1} .group-row", "tong-so-truong"), Cell(page, $"#bang-don-vi-nhom-{Quan1} .group-row", "truong-tham-gia"), Cell(page, $"#bang-don-vi-nhom-{Quan1} .group-row", "ty-le-truong-tham-gia")));
        Assert.Equal(("30", "15", "50%"), (Cell(page, $"#bang-don-vi-nhom-{Quan3} .group-row", "tong-so-truong"), Cell(page, $"#bang-don-vi-nhom-{Quan3} .group-row", "truong-tham-gia"), Cell(page, $"#bang-don-vi-nhom-{Quan3} .group-row", "ty-le-truong-tham-gia")));
        Assert.Equal(("40", "23", "57,5%"), (Cell(page, "#bang-don-vi .overall-row", "tong-so-truong"), Cell(page, "#bang-don-vi .overall-row", "truong-tham-gia"), Cell(page, "#bang-don-vi .overall-row", "ty-le-truong-tham-gia")));
        Assert.Equal("3", Cell(page, "#bang-don-vi .overall-row", "kinh-phi-xa-hoi-hoa"));
        Assert.Equal("Tổng", Cell(page, "#bang-don-vi .rule-row", "tong-so-truong"));
        Assert.StartsWith("Tỷ lệ có trọng số theo “", Cell(page, "#bang-don-vi .rule-row", "ty-le-truong-tham-gia"));
        Assert.DoesNotContain("(", Cell(page, "#bang-don-vi .rule-row", "ty-le-truong-tham-gia"));
        Assert.Equal($"2/{asked}", Cell(page, "#bang-don-vi .contributors-row", "tong-so-truong"));
        Assert.Equal("/admin/bao-cao/" + id + "/de-nghi-khen-thuong", page.QuerySelector("a.nominations-link")!.GetAttribute("href"));
        Assert.Equal("Danh sách đề nghị khen thưởng", Text(page, "a.nominations-link"));

        // The filter per district shows that district's units; the overall row stays the whole round's.
        var (_, filtered) = await department.GetPageAsync(Page(id) + "?phong=" + Quan3);
        Assert.Null(filtered.QuerySelector($"#bang-don-vi-nhom-{Quan1}"));
        Assert.NotNull(filtered.QuerySelector($"#bang-don-vi-don-vi-{VoThiSau}"));
        Assert.Equal("40", Cell(filtered, "#bang-don-vi .overall-row", "tong-so-truong"));
        Assert.Null(filtered.QuerySelector(".unknown-district"));

        // A district the round does not have: all districts, and a notice saying so (not a silent fallback).
        var (unknownStatus, unknown) = await department.GetPageAsync(Page(id) + "?phong=phong-khong-co");
        Assert.Equal(HttpStatusCode.OK, unknownStatus);
        Assert.Equal("Không có phòng GD&ĐT này trong đợt; đang hiện tất cả.", Text(unknown, ".unknown-district"));
        Assert.NotNull(unknown.QuerySelector($"#bang-don-vi-nhom-{Quan1}"));
        Assert.NotNull(unknown.QuerySelector($"#bang-don-vi-nhom-{Quan3}"));
        Assert.Equal("", unknown.QuerySelector("#phong option[selected]")?.GetAttribute("value") ?? "");
        Assert.Null(page.QuerySelector(".unknown-district"));

        // The settings page and the board link the page.
        var (_, edit) = await department.GetPageAsync($"/admin/bao-cao/{id}/sua");
        Assert.Equal(Page(id), edit.QuerySelector("a.consolidation-link")!.GetAttribute("href"));
        var (_, board) = await department.GetPageAsync($"/admin/bao-cao/{id}/tinh-hinh");
        Assert.Equal(Page(id), board.QuerySelector("a.consolidation-link")!.GetAttribute("href"));

        // XLSX: a sheet per level, numbers as numeric cells, totals equal to the units' figures.
        var workbook = await DownloadAsync(department, Page(id) + ".xlsx", ConsolidationXlsxWriter.ContentType, "xlsx");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            Assert.Equal(["Trường", "Phòng GD&ĐT", "Tổng hợp"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
            var schools = Sheet(document, "Trường");
            var benThanh = RowNamed(schools, names[BenThanh]);
            var voThiSau = RowNamed(schools, names[VoThiSau]);
            var totals = RowNamed(schools, "Tổng hợp");
            Assert.Equal(10m, Number(benThanh["D"]));
            Assert.Equal(Number(benThanh["D"]) + Number(voThiSau["D"]), Number(totals["D"]));
            Assert.Equal(23m, Number(totals["E"]));
            Assert.Equal(57.5m, Number(totals["F"]));
            Assert.Equal("", CellText(RowNamed(schools, names[TanDinh])["D"]));
            var districts = Sheet(document, "Phòng GD&ĐT");
            Assert.Equal(30m, Number(RowNamed(districts, names[Quan3])["D"]));
            Assert.Equal(40m, Number(RowNamed(districts, "Tổng hợp")["D"]));
        }

        // CSV: a row per unit and the overall row.
        var csv = await DownloadAsync(department, Page(id) + ".csv", ConsolidationCsvWriter.ContentType, "csv");
        var records = CsvReader.Parse(System.Text.Encoding.UTF8.GetString(csv).TrimStart('\uFEFF'));
        var header = records[0];
        var column = header.IndexOf(ConsolidationTable.Heading(indicators.Single(i => i.Key == "tong-so-truong")));
        var share = header.IndexOf(ConsolidationTable.Heading(indicators.Single(i => i.Key == "ty-le-truong-tham-gia")));
        Assert.Equal(["Trường", "Phòng GD&ĐT"], header.Take(2));
        Assert.Equal(asked + 2, records.Count);
        Assert.Equal("10", records.Single(r => r[0] == names[BenThanh])[column]);
        Assert.Equal("", records.Single(r => r[0] == names[TanDinh])[column]);
        Assert.Equal(("40", "57.5"), (records[^1][column], records[^1][share]));
        Assert.Equal("Tổng hợp", records[^1][0]);

        // DOCX: the outline's headings, under each what the counted units wrote (not the returned or draft ones).
        var docx = await DownloadAsync(department, Page(id) + ".docx", ConsolidationDocxWriter.ContentType, "docx");
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
            var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal([.. outline.Select(s => s.Title), "Số liệu tổng hợp"], headings);
            var body = document.MainDocumentPart.Document.Body.InnerText;
            Assert.Contains("Bến Thành đã triển khai chuyên đề ở mọi lớp.", body);
            Assert.Contains("Võ Thị Sáu tổ chức sinh hoạt cụm hằng tháng.", body);
            Assert.DoesNotContain("bản nộp bị trả lại", body);
            Assert.DoesNotContain("bản nháp", body);
        }
    }

    [SkippableFact]
    public async Task A_round_of_district_offices_shows_their_schools_from_the_linked_rounds_and_the_board_their_progress()
    {
        fixture.SkipUnlessAvailable();
        var parentId = await OpenDepartmentRoundAsync(nameof(UnitsAskedRule.DistrictOffices));
        var parent = await RoundAsync(fixture, parentId);
        var indicators = ReportJson.ReadIndicators(parent.IndicatorsJson);
        var department = await As(fixture.Factory, Accounts.DepartmentCurator);
        var district = await As(fixture.Factory, Accounts.DistrictCurator);

        // Before any linked round: no schools' level; the board shows no progress.
        var (_, before) = await department.GetPageAsync(Page(parentId));
        Assert.Null(before.QuerySelector(".consolidation-schools"));
        Assert.Equal("Phòng GD&ĐT", Text(before, "#bang-don-vi thead th"));

        // Quận 1 opens its linked round for its schools, sets a deadline (passed) and opens it; Bến Thành submits, Tân Định drafts.
        string location;
        using (var opened = await PostAsync(district, Own(parentId), Own(parentId) + "/mo-dot-cho-truong"))
        {
            location = Location(opened)!;
        }

        var linkedId = int.Parse(location.Split('/')[3], CultureInfo.InvariantCulture);
        var (_, editPage) = await district.GetPageAsync(location);
        using (var saved = await PostAsync(district, location, location, [.. FormFields(editPage, "form[action='" + location + "']").With("Deadline", "2023-03-01T17:00")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var open = await PostAsync(district, location, $"/admin/bao-cao/{linkedId}/mo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        }

        var linked = await RoundAsync(fixture, linkedId);
        await AnswerAsync(await As(fixture.Factory, Accounts.Contributor), linkedId, true, "Bến Thành báo cáo phòng.", Figures("10", "8", "80"), indicators);
        await AnswerAsync(await UserOfAsync(TanDinh), linkedId, false, "Tân Định nháp.", Figures("1000", "900", "10"), indicators);

        // Quận 1 submits its own figures (not the schools' sum): the main table keeps them.
        await AnswerAsync(district, parentId, true, "Phòng Quận 1 đã chỉ đạo các trường.", Figures("12", "9", "75"), indicators);

        var (status, page) = await department.GetPageAsync(Page(parentId));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("12", Cell(page, $"#bang-don-vi-don-vi-{Quan1}", "tong-so-truong"));
        Assert.Equal("chưa nộp", Text(page, $"#bang-don-vi-don-vi-{Quan3} .unit-state"));
        Assert.Equal("12", Cell(page, "#bang-don-vi .overall-row", "tong-so-truong"));
        Assert.Null(page.QuerySelector("#bang-don-vi .group-row"));

        // The schools' level: Quận 1's schools from its linked round, only the submitted one counted.
        Assert.Equal("Các trường", Text(page, "#cap-truong-title"));
        Assert.Equal("10", Cell(page, $"#bang-truong-don-vi-{BenThanh}", "tong-so-truong"));
        Assert.Equal("chưa nộp", Text(page, $"#bang-truong-don-vi-{TanDinh} .unit-state"));
        Assert.Equal("10", Cell(page, $"#bang-truong-nhom-{Quan1} .group-row", "tong-so-truong"));
        Assert.Equal("80%", Cell(page, "#bang-truong .overall-row", "ty-le-truong-tham-gia"));
        Assert.Equal($"1/{linked.Units.Count}", Cell(page, "#bang-truong .contributors-row", "tong-so-truong"));

        // Its downloads: the schools' workbook.
        var workbook = await DownloadAsync(department, Page(parentId) + ".xlsx?cap=truong", ConsolidationXlsxWriter.ContentType, "xlsx");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false))
        {
            Assert.Equal(["Trường", "Phòng GD&ĐT", "Tổng hợp"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
            Assert.Equal(10m, Number(RowNamed(Sheet(document, "Trường"), "Tổng hợp")["D"]));
        }

        // The districts' workbook: one sheet of district offices and the overall.
        var main = await DownloadAsync(department, Page(parentId) + ".xlsx", ConsolidationXlsxWriter.ContentType, "xlsx");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(main), false))
        {
            Assert.Equal(["Phòng GD&ĐT", "Tổng hợp"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        }

        // The board: Quận 1's row shows its schools' progress and links the linked round's board, which the Department's manager may open.
        var (_, board) = await department.GetPageAsync($"/admin/bao-cao/{parentId}/tinh-hinh");
        var progress = board.QuerySelector($"#don-vi-{Quan1} .board-linked")!;
        Assert.Equal($"Các trường: 1/{linked.Units.Count} đã nộp", progress.QuerySelector("a")!.TextContent.Trim());
        // Not submitted by the linked round's deadline: every school but Bến Thành.
        Assert.EndsWith($", {linked.Units.Count - 1} quá hạn", progress.TextContent.Trim());
        Assert.Equal($"/admin/bao-cao/{linkedId}/tinh-hinh", progress.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(board.QuerySelector($"#don-vi-{Quan3} .board-linked"));
        var (linkedStatus, linkedBoard) = await department.GetPageAsync($"/admin/bao-cao/{linkedId}/tinh-hinh");
        Assert.Equal(HttpStatusCode.OK, linkedStatus);
        Assert.Equal(linked.Units.Count.ToString(CultureInfo.InvariantCulture), Text(linkedBoard, ".board-total"));
    }

    [SkippableFact]
    public async Task A_submitted_report_without_a_recorded_version_is_read_from_its_row()
    {
        fixture.SkipUnlessAvailable();
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var id = await CreateRoundAsync(fixture, district, Unique("Tổng hợp nhập sẵn "), nameof(UnitsAskedRule.Schools));
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var reportId = Guid.NewGuid().ToString("N");
            db.Add(new UnitReport
            {
                Id = reportId, RoundId = id, OrganizationId = BenThanh, Version = 1, ValuesJson = "{\"tong-so-truong\":\"7\"}",
                SectionsJson = "{}", CreatedUtc = DateTime.UtcNow, ModifiedUtc = DateTime.UtcNow,
            });
            var unit = await db.Set<ReportRoundUnit>().SingleAsync(u => u.RoundId == id && u.OrganizationId == BenThanh);
            unit.ReportContentItemId = reportId;
            unit.ReportState = UnitReportState.Submitted;
            unit.SubmittedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return true;
        });

        var (status, page) = await district.GetPageAsync(Page(id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("7", Cell(page, $"#bang-don-vi-don-vi-{BenThanh}", "tong-so-truong"));
        Assert.Equal("7", Cell(page, "#bang-don-vi .overall-row", "tong-so-truong"));
    }

    [SkippableFact]
    public async Task Out_of_scope_answers_404_and_without_ViewConsolidations_403()
    {
        fixture.SkipUnlessAvailable();
        var departmentRound = await OpenDepartmentRoundAsync(nameof(UnitsAskedRule.DistrictOffices));
        var district = await As(fixture.Factory, Accounts.DistrictCurator);
        var districtRound = await CreateRoundAsync(fixture, district, Unique("Tổng hợp sơ kết quận "), nameof(UnitsAskedRule.Schools));

        // The owner's curator and an administrator see it.
        Assert.Equal(HttpStatusCode.OK, (await district.GetPageAsync(Page(districtRound))).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await As(fixture.Factory, Accounts.Administrator)).GetPageAsync(Page(departmentRound))).Status);

        var otherDistrict = await As(fixture.Factory, Accounts.OtherDistrictCurator);
        var school = await As(fixture.Factory, Accounts.Contributor);
        var reviewer = await As(fixture.Factory, Accounts.Reviewer);
        foreach (var suffix in new[] { "", ".xlsx", ".csv", ".docx" })
        {
            // A district's curator and the Department's round; another district and Quận 1's round; an unknown round: 404.
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Page(departmentRound) + suffix)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await otherDistrict.GetPageAsync(Page(districtRound) + suffix)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Page(int.MaxValue) + suffix)).Status);

            // A school and Quận 1's reviewer do not hold ViewConsolidations: 403, even for a round of their own district.
            Assert.Equal(HttpStatusCode.Forbidden, (await school.GetPageAsync(Page(districtRound) + suffix)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetPageAsync(Page(districtRound) + suffix)).Status);
        }

        // The schools' level of a round that has none: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Page(districtRound) + ".xlsx?cap=truong")).Status);

        // A level the page never links to answers 404, never the units' level in disguise; the plain address still downloads.
        foreach (var suffix in new[] { ".xlsx", ".csv", ".docx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Page(districtRound) + suffix + "?cap=phong")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await district.GetPageAsync(Page(districtRound) + suffix + "?cap=TRUONG")).Status);
            Assert.Equal(HttpStatusCode.OK, (await district.GetPageAsync(Page(districtRound) + suffix)).Status);
        }
    }
}

public sealed class ReportConsolidationSqliteTests(SqliteSiteFixture fixture) : ReportConsolidationTests<SqliteSiteFixture>(fixture);

public sealed class ReportConsolidationPostgresTests(PostgresSiteFixture fixture) : ReportConsolidationTests<PostgresSiteFixture>(fixture);
