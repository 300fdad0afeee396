using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// <c>GET /admin/thong-ke</c> (Thống kê): the statistics of the units in the user's scope, filtered by the query
/// string (<see cref="StatisticsFilter"/>), and the downloads of each table (<c>bang/{id}.xlsx</c>, <c>.csv</c>) and
/// chart (<c>bieu-do/{id}.svg</c>, <c>.png</c>) with the same query string. Needs ViewStatistics (403); an unknown
/// table answers 404, a download whose query cannot be read answers 400 with a problem+json in Vietnamese.
/// </summary>
[RequirePermission(StatisticsPermissions.ViewStatistics)]
public sealed class StatisticsController(
    StatisticsService statistics,
    StatisticsXlsxWriter xlsx,
    StatisticsCsvWriter csv,
    SvgChartWriter svg,
    PngChartRenderer png,
    ISiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<StatisticsResources> T) : AdminController
{
    public const string Base = "/admin/thong-ke";

    public static string TableUrl(string id, string extension, string query) => $"{Base}/bang/{id}.{extension}{(query.Length > 0 ? "?" + query : "")}";

    public static string ChartUrl(string id, string extension, string query) => $"{Base}/bieu-do/{id}.{extension}{(query.Length > 0 ? "?" + query : "")}";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var page = await statistics.BuildAsync(Scope, StatisticsFilter.Parse(Request.Query), ct);
        return View(new StatisticsPageView(page, Scope, svg));
    }

    [HttpGet(Base + "/bang/{table}.xlsx")]
    public Task<IActionResult> Xlsx(string table, CancellationToken ct)
        => DownloadAsync(table, "xlsx", StatisticsXlsxWriter.ContentType, xlsx.Write, ct);

    [HttpGet(Base + "/bang/{table}.csv")]
    public Task<IActionResult> Csv(string table, CancellationToken ct)
        => DownloadAsync(table, "csv", StatisticsCsvWriter.ContentType, csv.Write, ct);

    [HttpGet(Base + "/bieu-do/{table}.svg")]
    public Task<IActionResult> Svg(string table, CancellationToken ct)
        => DownloadAsync(table, "svg", SvgChartWriter.ContentType, t => svg.WriteDocument(t.ToChart()), ct);

    [HttpGet(Base + "/bieu-do/{table}.png")]
    public Task<IActionResult> Png(string table, CancellationToken ct)
        => DownloadAsync(table, "png", PngChartRenderer.ContentType, t => png.Render(t.ToChart()), ct);

    private async Task<IActionResult> DownloadAsync(string id, string extension, string contentType, Func<StatisticsTable, byte[]> write, CancellationToken ct)
    {
        var filter = StatisticsFilter.Parse(Request.Query);
        var page = await statistics.BuildAsync(Scope, filter, ct);
        if (page.Problems.Count > 0)
        {
            return Problem(
                detail: string.Join(" ", page.Problems.Select(p => T[p].Value)),
                statusCode: StatusCodes.Status400BadRequest,
                title: T["The filters of this download cannot be read."]);
        }

        if (page.FindTable(id) is not { } table)
        {
            return NotFound();
        }

        var site = await siteSettings.GetAsync(ct);
        var date = site.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers.ContentDisposition = ReportConsolidationController.RoundFileDisposition("thong-ke", T["Statistics"], table.Title, "", date, extension);
        return File(write(table), contentType);
    }
}
