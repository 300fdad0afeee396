using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// <c>/admin/thong-ke/luot-xem</c> ("Lượt xem và tải về"): page views and downloads per item, per unit and over time, in a
/// period and optionally one district, within the user's scope; <c>.csv</c> (one table, <c>bang=</c>) and <c>.xlsx</c> (all
/// three) of the same filter. Needs <see cref="ChuyenDe.Modules.Statistics.StatisticsPermissions.ViewStatistics"/>. The counts waiting in this node's
/// memory are written first, so the page shows what was counted up to now.
/// </summary>
[RequirePermission(ChuyenDe.Modules.Statistics.StatisticsPermissions.ViewStatistics)]
public sealed class AnalyticsAdminController(
    AnalyticsQueryService queries,
    ViewCountFlusher flusher,
    IOrganizationService organizations,
    IContentDefinitionManager definitions,
    ISiteSettingsService settings,
    TimeProvider clock,
    ILogger<AnalyticsAdminController> logger,
    IStringLocalizer<AnalyticsResources> T) : AdminController
{
    public const string Base = "/admin/thong-ke/luot-xem";

    /// <summary>The longest period one page or file covers.</summary>
    public const int MaxDays = 5 * 366;

    [HttpGet(Base)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to,
        [FromQuery(Name = "quan")] string? district, [FromQuery(Name = "theo")] string? granularity, CancellationToken ct)
    {
        var (filter, errors, districts) = await ParseAsync(from, to, district, granularity, ct);
        var report = await ReadAsync(filter, ct);
        var tables = AnalyticsTables.Build(report, T, await TypeNamesAsync(ct));
        return View(new AnalyticsPageView(report, tables, Iso(filter.From), Iso(filter.To), filter.DistrictId,
            filter.Granularity == AnalyticsGranularity.Month ? "thang" : "ngay", errors, districts, QueryString(filter)));
    }

    [HttpGet(Base + ".csv")]
    public async Task<IActionResult> Csv(
        [FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to,
        [FromQuery(Name = "quan")] string? district, [FromQuery(Name = "theo")] string? granularity,
        [FromQuery(Name = "bang")] string? table, CancellationToken ct)
    {
        var (filter, errors, _) = await ParseAsync(from, to, district, granularity, ct);
        var key = string.IsNullOrWhiteSpace(table) ? AnalyticsTables.Items : table.Trim();
        if (!AnalyticsTables.Keys.Contains(key))
        {
            errors.Add(T["Choose a table: {0}.", string.Join(", ", AnalyticsTables.Keys)]);
        }

        if (errors.Count > 0)
        {
            return Problem(detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: T["The filters are not valid."]);
        }

        var tables = AnalyticsTables.Build(await ReadAsync(filter, ct), T, await TypeNamesAsync(ct));
        Response.Headers.CacheControl = "no-store";
        return File(AnalyticsCsv.Write(tables.Single(t => t.Key == key)), AnalyticsCsv.ContentType, FileName(filter, key, "csv"));
    }

    [HttpGet(Base + ".xlsx")]
    public async Task<IActionResult> Xlsx(
        [FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to,
        [FromQuery(Name = "quan")] string? district, [FromQuery(Name = "theo")] string? granularity, CancellationToken ct)
    {
        var (filter, errors, districts) = await ParseAsync(from, to, district, granularity, ct);
        if (errors.Count > 0)
        {
            return Problem(detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: T["The filters are not valid."]);
        }

        var report = await ReadAsync(filter, ct);
        var tables = AnalyticsTables.Build(report, T, await TypeNamesAsync(ct));
        var title = T["Page views and downloads, {0} – {1}", AnalyticsTables.DateText(filter.From), AnalyticsTables.DateText(filter.To)].Value
                    + (filter.DistrictId is { } d ? ", " + districts.FirstOrDefault(x => x.Id == d).Name : "");
        Response.Headers.CacheControl = "no-store";
        return File(AnalyticsXlsxWriter.Write(title, tables), AnalyticsXlsxWriter.ContentType, FileName(filter, null, "xlsx"));
    }

    private async Task<AnalyticsReport> ReadAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        try
        {
            await flusher.FlushAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The counts stay in memory for the next flush; the page shows what the table holds.
            logger.LogWarning(ex, "The statistics page could not write the counts waiting in memory first.");
        }

        return await queries.GetAsync(Scope, filter, ct);
    }

    private async Task<IReadOnlyDictionary<string, string>> TypeNamesAsync(CancellationToken ct)
        => (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);

    /// <summary>The filter from the query string; what cannot be read is left at its default and explained.</summary>
    private async Task<(AnalyticsFilter Filter, List<string> Errors, IReadOnlyList<(string Id, string Name)> Districts)> ParseAsync(
        string? from, string? to, string? district, string? granularity, CancellationToken ct)
    {
        var errors = new List<string>();
        var site = await settings.GetAsync(ct);
        var today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));

        DateOnly? Date(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var v = value.Trim();
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                || DateOnly.TryParseExact(v, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
            {
                return d;
            }

            errors.Add(T["“{0}” is not a date; enter a date such as 25/11/2026.", v.Length > 40 ? v[..40] : v]);
            return null;
        }

        var end = Date(to) ?? today;
        var start = Date(from) ?? end.AddDays(-29);
        if (end < start)
        {
            errors.Add(T["The end date is before the start date."]);
            start = end.AddDays(-29);
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors.Add(T["A period of at most {0} days can be shown; the period was shortened.", MaxDays]);
            start = end.AddDays(-(MaxDays - 1));
        }

        var scope = Scope;
        var districts = (await organizations.ListAsync(ct))
            .Where(o => o.Kind == OrganizationKind.DistrictOffice && o.Active && scope.InScope(o.Id))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .Select(o => (o.Id, o.ShortName ?? o.Name)).ToList();
        string? chosen = null;
        if (!string.IsNullOrWhiteSpace(district))
        {
            chosen = districts.Select(d => d.Id).FirstOrDefault(id => id == district.Trim());
            if (chosen is null)
            {
                errors.Add(T["Choose a district office from the list."]);
            }
        }

        var step = granularity?.Trim() switch
        {
            "ngay" => AnalyticsGranularity.Day,
            "thang" => AnalyticsGranularity.Month,
            null or "" => end.DayNumber - start.DayNumber + 1 > 62 ? AnalyticsGranularity.Month : AnalyticsGranularity.Day,
            _ => Invalid(),
        };

        AnalyticsGranularity Invalid()
        {
            errors.Add(T["Choose days or months."]);
            return AnalyticsGranularity.Day;
        }

        return (new AnalyticsFilter(start, end, chosen, step), errors, districts);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string QueryString(AnalyticsFilter filter)
        => $"tu={Iso(filter.From)}&den={Iso(filter.To)}&theo={(filter.Granularity == AnalyticsGranularity.Month ? "thang" : "ngay")}"
           + (filter.DistrictId is { } d ? "&quan=" + Uri.EscapeDataString(d) : "");

    private static string FileName(AnalyticsFilter filter, string? table, string extension)
        => $"luot-xem{(table is null ? "" : "-" + table)}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}{(filter.DistrictId is { } d ? "-" + d : "")}.{extension}";
}
