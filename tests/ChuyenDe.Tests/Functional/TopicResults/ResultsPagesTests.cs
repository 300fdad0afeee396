using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.TopicResults;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Admin.SystemAdmin;

namespace ChuyenDe.Tests.Functional.TopicResults;

/// <summary>
/// Published results on both databases, over HTTP: the sample page of the Hòa Bình sơ kết round shows its figures as
/// charts (SVG with title and description) with tables whose numbers are those of the counted reports of the sample
/// recipe; a Department curator composes a page from the round, publishes it, the public reads it, its chart downloads
/// work, withdrawing it evicts the cached page; bad input gets Vietnamese errors; users without PublishResults get 403,
/// another Department's curator 404 and cannot use the round.
/// </summary>
public abstract class ResultsPagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private const string SampleSlug = "so-ket-02-nam-hoa-binh";
    private const string HoaBinhRoundKey = "so-ket-02-nam-hoa-binh";

    // Hand count of recipes/sample-content.recipe.json: the Hòa Bình round's counted reports are Lạc Sơn (accepted,
    // 31 schools, 31 taking part, 498 trained), Cao Phong (submitted, 17, 17, 268) and Tân Lạc (submitted, 29, 27, 441);
    // Kim Bôi's returned report and Mai Châu's draft are not counted.
    private static readonly (string Unit, decimal Schools, decimal Taking, decimal Trained)[] Counted =
    [
        ("Phòng Giáo dục và Đào tạo huyện Cao Phong", 17, 17, 268),
        ("Phòng Giáo dục và Đào tạo huyện Lạc Sơn", 31, 31, 498),
        ("Phòng Giáo dục và Đào tạo huyện Tân Lạc", 29, 27, 441),
    ];

    private static string Edit(int id) => $"/admin/ket-qua/{id}";

    private async Task<int> HoaBinhRoundIdAsync()
        => await fixture.WithServicesAsync(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            return await db.Set<ReportRound>().Where(r => r.Key == HoaBinhRoundKey).Select(r => r.Id).SingleAsync();
        });

    private async Task<AdminClient> HoaBinhCuratorAsync()
    {
        var admin = await As(fixture.Factory, Accounts.Administrator);
        var userName = Unique("so.hoabinh.");
        await CreateUserAsync(admin, userName, "so-hoa-binh", "DepartmentCurator");
        return await As(fixture.Factory, userName, Password);
    }

    private static List<string[]> Rows(IElement table)
        => table.QuerySelectorAll("tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static void AssertChart(IElement figure, string title)
    {
        var svg = figure.QuerySelector("svg") ?? throw new Xunit.Sdk.XunitException($"No chart in the figure “{title}”.");
        var xml = XElement.Parse(svg.OuterHtml);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", (string?)xml.Attribute("role"));
        Assert.Equal(title, xml.Element(ns + "title")?.Value ?? xml.Element("title")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(xml.Element(ns + "desc")?.Value ?? xml.Element("desc")?.Value));
    }

    [SkippableFact]
    public async Task The_sample_results_page_shows_the_counted_reports_as_charts_with_tables()
    {
        fixture.SkipUnlessAvailable();
        var visitor = new AdminClient(fixture.Factory);

        var (listStatus, list) = await visitor.GetPageAsync("/ket-qua");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.NotNull(list.QuerySelector($"a[href='/ket-qua/{SampleSlug}']"));

        var (status, page) = await visitor.GetPageAsync("/ket-qua/" + SampleSlug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hòa Bình", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/ket-qua'], nav a[href='/ket-qua']"));
        var figures = page.QuerySelectorAll("figure.result-figure").ToList();
        Assert.Equal(4, figures.Count);
        foreach (var figure in figures)
        {
            AssertChart(figure, figure.QuerySelector(".result-figure-title")!.TextContent.Trim());
            Assert.NotNull(figure.QuerySelector("table caption"));
        }

        // Figure 2: schools and schools taking part per district office, the whole round as the total row.
        var rows = Rows(figures[1].QuerySelector("table")!);
        Assert.Equal(["Tổng số trường mầm non trên địa bàn", "Số trường triển khai thực hiện chuyên đề"], rows[0][1..]);
        foreach (var (unit, schools, taking, _) in Counted)
        {
            var row = rows.Single(r => r[0] == unit);
            Assert.Equal([schools.ToString(), taking.ToString()], row[1..]);
        }

        Assert.DoesNotContain(rows, r => r[0].Contains("Kim Bôi") || r[0].Contains("Mai Châu"));
        Assert.Equal(["Toàn đợt", Counted.Sum(c => c.Schools).ToString(), Counted.Sum(c => c.Taking).ToString()], rows[^1]);

        // Figure 3: 1.207 trained, written the Vietnamese way.
        var trained = Rows(figures[2].QuerySelector("table")!);
        Assert.Equal(["Toàn đợt", "1.207"], trained[^1]);
        Assert.Equal(1207, Counted.Sum(c => c.Trained));

        // Figure 1: level 4 per criteria group for the whole round (12 + 6 + 9 schools for group 1).
        var groups = Rows(figures[0].QuerySelector("table")!);
        Assert.Equal("27", groups.Single(r => r[0].StartsWith("Nhóm 1", StringComparison.Ordinal))[1]);
    }

    [SkippableFact]
    public async Task The_chart_downloads_are_an_svg_document_and_a_png()
    {
        fixture.SkipUnlessAvailable();
        var visitor = new AdminClient(fixture.Factory);
        using var svg = await visitor.GetAsync($"/ket-qua/{SampleSlug}/bieu-do/h2.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.StartsWith("image/svg+xml", svg.Content.Headers.ContentType!.ToString());
        var document = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Equal($"{SampleSlug}-h2.svg", svg.Content.Headers.ContentDisposition!.FileName!.Trim('"'));

        using var png = await visitor.GetAsync($"/ket-qua/{SampleSlug}/bieu-do/h2.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);

        using var unknown = await visitor.GetAsync($"/ket-qua/{SampleSlug}/bieu-do/h99.svg");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noPage = await visitor.GetAsync("/ket-qua/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, noPage.StatusCode);
    }

    [SkippableFact]
    public async Task A_curator_composes_publishes_and_withdraws_a_results_page()
    {
        fixture.SkipUnlessAvailable();
        var roundId = await HoaBinhRoundIdAsync();
        var curator = await HoaBinhCuratorAsync();
        var title = Unique("Kết quả thử ");
        var slug = Unique("ket-qua-thu-");

        // Bad input: no title, then a taken address.
        using (var empty = await PostAsync(curator, "/admin/ket-qua/tao", "/admin/ket-qua/tao", ("Title", " "), ("RoundId", roundId.ToString())))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            var page = await AdminClient.ParseAsync(empty);
            Assert.Contains("Hãy nhập tiêu đề trang.", page.QuerySelector(".error-summary")!.TextContent);
        }

        using (var taken = await PostAsync(curator, "/admin/ket-qua/tao", "/admin/ket-qua/tao", ("Title", title), ("Slug", SampleSlug), ("RoundId", roundId.ToString())))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
            Assert.Contains("/ket-qua/" + SampleSlug, (await AdminClient.ParseAsync(taken)).QuerySelector(".error-summary")!.TextContent);
        }

        using var created = await PostAsync(curator, "/admin/ket-qua/tao", "/admin/ket-qua/tao",
            ("Title", title), ("Slug", slug), ("RoundId", roundId.ToString()), ("Summary", "Tóm tắt thử."), ("Text", "Nội dung **thử**."));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(Location(created)!.Split('/').Last());

        // A figure needs indicators; a stacked bar needs two.
        using (var none = await PostAsync(curator, Edit(id), Edit(id) + "/bieu-do", ("byUnit", "true"), ("chart", "Bar")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
            Assert.Contains("Hãy chọn ít nhất một chỉ tiêu.", (await AdminClient.ParseAsync(none)).Body!.TextContent);
        }

        using (var added = await PostAsync(curator, Edit(id), Edit(id) + "/bieu-do",
            ("indicatorKeys", "tong-so-truong"), ("indicatorKeys", "truong-tham-gia"), ("byUnit", "true"), ("chart", "Bar"), ("title", "Quy mô triển khai")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var single = await PostAsync(curator, Edit(id), Edit(id) + "/bieu-do",
            ("indicatorKeys", "cbql-gv-duoc-tap-huan"), ("byUnit", "true"), ("chart", "Line")))
        {
            Assert.Equal(HttpStatusCode.Redirect, single.StatusCode);
        }

        using (var stacked = await PostAsync(curator, Edit(id), Edit(id) + "/bieu-do/h2", ("title", "Tập huấn"), ("description", "Mô tả."), ("chart", "StackedBar")))
        {
            Assert.Equal(HttpStatusCode.Redirect, stacked.StatusCode);
            var (_, after) = await curator.GetPageAsync(Edit(id));
            Assert.Contains("Biểu đồ cột chồng cần ít nhất hai chỉ tiêu.", after.QuerySelector(".flash")!.TextContent);
        }

        // Move the second figure up; the order is kept.
        using (var moved = await PostAsync(curator, Edit(id), Edit(id) + "/bieu-do/h2/len"))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        // Not public before publishing.
        var visitor = new AdminClient(fixture.Factory);
        using (var before = await visitor.GetAsync("/ket-qua/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (var published = await PostAsync(curator, Edit(id), Edit(id) + "/xuat-ban"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var (status, page2) = await visitor.GetPageAsync("/ket-qua/" + slug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(title, page2.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("thử", page2.QuerySelector(".prose strong")!.TextContent);
        var figures = page2.QuerySelectorAll("figure.result-figure").ToList();
        Assert.Equal(["Số cán bộ quản lý, giáo viên được tập huấn, bồi dưỡng về chuyên đề", "Quy mô triển khai"],
            figures.Select(f => f.QuerySelector(".result-figure-title")!.TextContent.Trim()).ToArray());
        var scale = Rows(figures[1].QuerySelector("table")!);
        foreach (var (unit, schools, taking, _) in Counted)
        {
            Assert.Equal([unit, schools.ToString(), taking.ToString()], scale.Single(r => r[0] == unit));
        }

        var (_, list) = await visitor.GetPageAsync("/ket-qua");
        Assert.NotNull(list.QuerySelector($"a[href='/ket-qua/{slug}']"));
        Assert.Contains($"/ket-qua/{slug}</loc>", await visitor.Http.GetStringAsync("/sitemap.xml"));

        // Withdrawn: the cached page and the list forget it at once.
        using (var withdrawn = await PostAsync(curator, Edit(id), Edit(id) + "/go-xuat-ban"))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using (var after = await visitor.GetAsync("/ket-qua/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        var (_, list2) = await visitor.GetPageAsync("/ket-qua");
        Assert.Null(list2.QuerySelector($"a[href='/ket-qua/{slug}']"));
        Assert.DoesNotContain($"/ket-qua/{slug}</loc>", await visitor.Http.GetStringAsync("/sitemap.xml"));
    }

    [SkippableFact]
    public async Task Users_without_the_permission_or_the_scope_are_refused()
    {
        fixture.SkipUnlessAvailable();
        var roundId = await HoaBinhRoundIdAsync();

        var visitor = new AdminClient(fixture.Factory);
        using (var anonymous = await visitor.GetAsync("/admin/ket-qua"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/dang-nhap", Location(anonymous));
        }

        foreach (var userName in new[] { Accounts.Contributor, Accounts.DistrictCurator, Accounts.Reviewer })
        {
            var user = await As(fixture.Factory, userName);
            using var denied = await user.GetAsync("/admin/ket-qua");
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        // The sample page belongs to Hòa Bình's Department: Hồ Chí Minh City's curator neither sees it nor uses its round.
        var sampleId = await fixture.WithServicesAsync(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            return await db.Set<ResultsPage>().Where(p => p.Slug == SampleSlug).Select(p => p.Id).SingleAsync();
        });
        var hcm = await As(fixture.Factory, Accounts.DepartmentCurator);
        using (var other = await hcm.GetAsync(Edit(sampleId)))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var (_, index) = await hcm.GetPageAsync("/admin/ket-qua");
        Assert.Null(index.QuerySelector($"a[href='{Edit(sampleId)}']"));

        using var foreignRound = await PostAsync(hcm, "/admin/ket-qua/tao", "/admin/ket-qua/tao", ("Title", Unique("Kết quả HCM ")), ("RoundId", roundId.ToString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignRound.StatusCode);
        Assert.Contains("không thuộc các đợt", (await AdminClient.ParseAsync(foreignRound)).QuerySelector(".error-summary")!.TextContent);
    }
}

public sealed class ResultsPagesSqliteTests(SqliteSiteFixture fixture) : ResultsPagesTests<SqliteSiteFixture>(fixture);

public sealed class ResultsPagesPostgresTests(PostgresSiteFixture fixture) : ResultsPagesTests<PostgresSiteFixture>(fixture);
