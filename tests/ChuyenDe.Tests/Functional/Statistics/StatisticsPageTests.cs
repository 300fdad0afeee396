using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using ChuyenDe.Tests.Functional.Admin;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.Statistics;

/// <summary>
/// /admin/thong-ke over HTTP on the sample content, on both databases: the numbers match a hand count of
/// recipes/sample-content.recipe.json (the published items of TP.HCM's units: Quận 1 has 4 initiatives, 2 exemplary
/// products, 2 model sites, 3 articles and 2 events; Quận 3 has 3, 1, 1, 1, 1; the Department itself 1 article), a
/// district curator sees their district only, every chart is an SVG with title and description beside a table with
/// its numbers, and the downloads (XLSX opened with the OpenXml SDK, CSV with its byte-order mark, SVG, PNG) carry
/// the same figures; a contributor gets 403, a visitor the sign-in page, bad filters a Vietnamese message (a
/// problem+json for a download).
/// </summary>
public abstract class StatisticsPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string Page = "/admin/thong-ke";
    private static readonly string[] TypeHeadings = ["Sáng kiến", "Sản phẩm điển hình", "Mô hình điểm", "Tin tức", "Sự kiện", "Tổng"];

    /// <summary>Hand count of the sample content (heading → figure), by district of TP.HCM.</summary>
    private static readonly Dictionary<string, decimal[]> HandCount = new()
    {
        ["phong-quan-1"] = [4, 2, 2, 3, 2, 13],
        ["phong-quan-3"] = [3, 1, 1, 1, 1, 7],
        [""] = [0, 0, 0, 1, 0, 1],
    };

    private static Dictionary<string, decimal?> RowOf(IHtmlDocument page, string tableId, string rowSelector)
    {
        var table = page.QuerySelector("#" + tableId) ?? throw new Xunit.Sdk.XunitException("No table " + tableId);
        var headings = table.QuerySelectorAll("thead th").Skip(1).Select(h => h.TextContent.Trim()).ToList();
        var row = table.QuerySelector(rowSelector) ?? throw new Xunit.Sdk.XunitException($"No row {rowSelector} in {tableId}");
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        return headings.Select((h, i) => (h, cells[i])).ToDictionary(x => x.h, x => x.Item2.Length == 0 ? (decimal?)null : decimal.Parse(x.Item2.Replace(".", "").Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The fields of a CSV line (RFC 4180 quoting, no line breaks inside fields).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static void AssertTypes(Dictionary<string, decimal?> row, decimal[] expected)
    {
        for (var i = 0; i < TypeHeadings.Length; i++)
        {
            Assert.True(row.TryGetValue(TypeHeadings[i], out var value), $"No column {TypeHeadings[i]}");
            Assert.Equal(expected[i], value);
        }
    }

    [SkippableFact]
    public async Task The_Department_curator_sees_the_hand_counted_figures_of_the_sample_content()
    {
        fixture.SkipUnlessAvailable();
        var curator = await As(fixture.Factory, Accounts.DepartmentCurator);
        var (status, page) = await curator.GetPageAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        AssertTypes(RowOf(page, "bang-hoc-lieu", "tr[data-key='phong-quan-1']"), HandCount["phong-quan-1"]);
        AssertTypes(RowOf(page, "bang-hoc-lieu", "tr[data-key='phong-quan-3']"), HandCount["phong-quan-3"]);
        AssertTypes(RowOf(page, "bang-hoc-lieu", "tr[data-key='']"), HandCount[""]);
        AssertTypes(RowOf(page, "bang-hoc-lieu", "tfoot tr"), [7, 3, 3, 5, 3, 21]);
        Assert.Null(page.QuerySelector("#bang-hoc-lieu tr[data-key='phong-luong-son']")); // another province

        // Exemplary products of TP.HCM: Bến Thành (criteria 2 and 3, province level), Tân Định (2, district), Võ Thị Sáu (1, district).
        var products = RowOf(page, "bang-san-pham-dien-hinh", "tr[data-key='crit-2']");
        Assert.Equal(1m, products["Cấp tỉnh/thành phố"]);
        Assert.Equal(1m, products["Cấp quận/huyện"]);
        Assert.Equal(2m, products["Tổng"]);
        Assert.Equal(3m, RowOf(page, "bang-san-pham-dien-hinh", "tfoot tr")["Tổng"]);
        Assert.Equal(0m, RowOf(page, "bang-san-pham-dien-hinh", "tr[data-key='crit-4']")["Tổng"]);

        // Every chart: an SVG with its title and description, beside a table with a caption.
        var charts = page.QuerySelectorAll("figure.statistics-chart svg").ToList();
        Assert.True(charts.Count >= 5, $"{charts.Count} charts");
        foreach (var svg in charts)
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            var title = page.GetElementById(svg.GetAttribute("aria-labelledby")!)!;
            Assert.Equal("title", title.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(title.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(svg.GetAttribute("aria-describedby")!)!.TextContent));
            var article = svg.Closest("article")!;
            Assert.NotNull(article.QuerySelector("table caption"));
        }
    }

    [SkippableFact]
    public async Task A_district_curator_sees_their_district_only()
    {
        fixture.SkipUnlessAvailable();
        var curator = await As(fixture.Factory, Accounts.DistrictCurator);
        var (status, page) = await curator.GetPageAsync(Page + "?phong=phong-quan-3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Không có quận, huyện này trong phạm vi của bạn", page.QuerySelector(".statistics-problems")!.TextContent);
        Assert.Equal(["phong-quan-1"], page.QuerySelectorAll("#bang-hoc-lieu tbody tr").Select(r => r.GetAttribute("data-key")));
        AssertTypes(RowOf(page, "bang-hoc-lieu", "tfoot tr"), HandCount["phong-quan-1"]);

        // By school: Bến Thành, Tân Định and Đa Kao, no school of Quận 3.
        var (_, schools) = await curator.GetPageAsync(Page + "?hang=don-vi&cot=loai");
        var keys = schools.QuerySelectorAll("#bang-hoc-lieu tbody tr").Select(r => r.GetAttribute("data-key")).ToList();
        Assert.Contains("truong-mn-ben-thanh", keys);
        Assert.Contains("truong-mn-da-kao", keys);
        Assert.DoesNotContain("truong-mn-vo-thi-sau", keys);
    }

    [SkippableFact]
    public async Task Bad_filters_give_a_Vietnamese_message_and_a_problem_for_a_download()
    {
        fixture.SkipUnlessAvailable();
        var curator = await As(fixture.Factory, Accounts.DepartmentCurator);
        var (status, page) = await curator.GetPageAsync(Page + "?tu=hom-qua&hang=khong-co");
        Assert.Equal(HttpStatusCode.OK, status);
        var problems = page.QuerySelector(".statistics-problems")!.TextContent;
        Assert.Contains("Ngày bắt đầu không phải là ngày hợp lệ", problems);
        Assert.Contains("Không có cách nhóm này", problems);

        using var download = await curator.GetAsync(Page + "/bang/hoc-lieu.csv?tu=hom-qua");
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Ngày bắt đầu không phải là ngày hợp lệ", await download.Content.ReadAsStringAsync());

        using var unknown = await curator.GetAsync(Page + "/bang/khong-co.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task The_downloads_carry_the_same_figures_as_the_page()
    {
        fixture.SkipUnlessAvailable();
        var curator = await As(fixture.Factory, Accounts.DepartmentCurator);

        // XLSX: numeric cells, opened with the OpenXml SDK.
        using (var response = await curator.GetAsync(Page + "/bang/hoc-lieu.xlsx?hang=quan-huyen&cot=loai"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.StartsWith("Thống kê", response.Content.Headers.ContentDisposition.FileNameStar);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var document = SpreadsheetDocument.Open(stream, false);
            var sheet = ((WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet;
            var rows = sheet.Descendants<Row>().ToList();
            string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
            var header = rows[1].Elements<Cell>().Select(Text).ToList();
            Assert.Equal("Quận, huyện", header[0]);
            var quan1 = rows.Single(r => Text(r.Elements<Cell>().First()) == "Phòng Giáo dục và Đào tạo Quận 1").Elements<Cell>().ToList();
            for (var i = 0; i < TypeHeadings.Length; i++)
            {
                var cell = quan1[header.IndexOf(TypeHeadings[i])];
                Assert.Equal(CellValues.Number, cell.DataType!.Value);
                Assert.Equal(HandCount["phong-quan-1"][i], decimal.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            }

            var total = rows.Single(r => Text(r.Elements<Cell>().First()) == "Tổng").Elements<Cell>().ToList();
            Assert.Equal("21", total[header.IndexOf("Tổng")].CellValue!.Text);
        }

        // CSV: UTF-8 with a byte-order mark, the same row.
        using (var response = await curator.GetAsync(Page + "/bang/hoc-lieu.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
            Assert.StartsWith("\"Quận, huyện\",", lines[0]); // RFC 4180: a field with a comma is quoted
            var header = Fields(lines[0]);
            var quan1 = Fields(lines.Single(l => l.StartsWith("Phòng Giáo dục và Đào tạo Quận 1,", StringComparison.Ordinal)));
            for (var i = 0; i < TypeHeadings.Length; i++)
            {
                Assert.Equal(HandCount["phong-quan-1"][i].ToString(System.Globalization.CultureInfo.InvariantCulture), quan1[header.IndexOf(TypeHeadings[i])]);
            }
        }

        // SVG: a standalone document with title and description, and a bar per figure with its number.
        using (var response = await curator.GetAsync(Page + "/bieu-do/hoc-lieu.svg"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
            var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Name);
            Assert.NotEmpty(svg.Element(ns + "title")!.Value);
            Assert.NotEmpty(svg.Element(ns + "desc")!.Value);
            Assert.Empty(svg.Descendants(ns + "script"));
            var tooltips = svg.Descendants(ns + "rect").Select(r => r.Element(ns + "title")?.Value).Where(t => t is not null).ToList();
            Assert.Contains("Phòng Giáo dục và Đào tạo Quận 1 – Sáng kiến: 4", tooltips);
            Assert.Contains("Phòng Giáo dục và Đào tạo Quận 3 – Tin tức: 1", tooltips);
        }

        // PNG: the signature and the size of the chart at twice its drawing size.
        using (var response = await curator.GetAsync(Page + "/bieu-do/quy-trinh-duyet.png"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            var png = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
            var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
            Assert.Equal(720, width);
            Assert.InRange(height, 200, 2000);
        }
    }

    [SkippableFact]
    public async Task Visitors_are_sent_to_sign_in_and_a_contributor_without_the_permission_gets_403()
    {
        fixture.SkipUnlessAvailable();
        using var anonymous = fixture.CreateClient();
        foreach (var url in new[] { Page, Page + "/bang/hoc-lieu.xlsx", Page + "/bieu-do/hoc-lieu.png" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/dang-nhap", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
        }

        var contributor = await As(fixture.Factory, Accounts.Contributor);
        foreach (var url in new[] { Page, Page + "/bang/hoc-lieu.csv", Page + "/bieu-do/hoc-lieu.svg" })
        {
            using var response = await contributor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var (_, dashboard) = await contributor.GetPageAsync("/admin");
        Assert.DoesNotContain(dashboard.QuerySelectorAll("a"), a => a.GetAttribute("href") == Page);
        var (_, curatorDashboard) = await (await As(fixture.Factory, Accounts.DistrictCurator)).GetPageAsync("/admin");
        Assert.Contains(curatorDashboard.QuerySelectorAll("a"), a => a.GetAttribute("href") == Page && a.TextContent.Trim() == "Thống kê");
    }
}

public sealed class StatisticsPageSqliteTests(SqliteSiteFixture fixture) : StatisticsPageTests<SqliteSiteFixture>(fixture);

public sealed class StatisticsPagePostgresTests(PostgresSiteFixture fixture) : StatisticsPageTests<PostgresSiteFixture>(fixture);
