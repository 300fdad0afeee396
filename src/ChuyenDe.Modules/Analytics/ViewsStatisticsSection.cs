using System.Globalization;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Statistics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// The views and downloads on <c>/admin/thong-ke</c> (an <see cref="IStatisticsSection"/>): over time (a line per
/// count, by day for a period of up to two months, else by month) and the units read most (bars), within the page's
/// scope, period and district. Without a period: the last 30 days. The detailed tables, per item too, stay on
/// <c>/admin/thong-ke/luot-xem</c>.
/// </summary>
internal sealed class ViewsStatisticsSection(
    AnalyticsQueryService analytics,
    ViewCountFlusher flusher,
    ISiteSettingsService settings,
    TimeProvider clock,
    ILogger<ViewsStatisticsSection> logger,
    IStringLocalizer<AnalyticsResources> T) : IStatisticsSection
{
    public const string OverTimeTableId = "luot-xem-theo-thoi-gian";
    public const string UnitsTableId = "luot-xem-theo-don-vi";
    public const int MostReadUnits = 15;

    public int Order => 500;

    public async Task<StatisticsSection?> BuildAsync(StatisticsQuery query, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
        var to = query.Filter.To ?? today;
        var from = query.Filter.From ?? to.AddDays(-29);
        if (from > to)
        {
            return null;
        }

        var granularity = to.DayNumber - from.DayNumber > 62 ? AnalyticsGranularity.Month : AnalyticsGranularity.Day;
        try
        {
            await flusher.FlushAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The statistics page could not write the counts waiting in memory first.");
        }

        var report = await analytics.GetAsync(query.Scope, new AnalyticsFilter(from, to, query.Filter.DistrictId, granularity), ct);
        string[] columns = [T["Page views"], T["Downloads"]];
        var format = granularity == AnalyticsGranularity.Month ? "MM/yyyy" : "dd/MM/yyyy";
        var overTime = new StatisticsTable(OverTimeTableId, T["Views and downloads over time"],
            T["Lines: the views of item pages and the downloads of their files, {0}, from {1} to {2}.",
                granularity == AnalyticsGranularity.Month ? T["by month"] : T["by day"], from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)],
            granularity == AnalyticsGranularity.Month ? T["Month"] : T["Day"], T["Count"], columns,
            report.Series.Select(p => new StatisticsRow(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.Start.ToString(format, CultureInfo.InvariantCulture), [p.Views, p.Downloads])).ToList(),
            ChartKind.Line)
        {
            Totals = new StatisticsRow("tong", T["Total"], [report.TotalViews, report.TotalDownloads]),
            ColumnKeys = ["views", "downloads"],
        };

        var units = report.Units.Where(u => u.Views + u.Downloads > 0)
            .OrderByDescending(u => u.Views).ThenByDescending(u => u.Downloads).ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .Take(MostReadUnits).ToList();
        var byUnit = new StatisticsTable(UnitsTableId, T["The units read most"],
            T["Bars: the {0} units whose items were viewed most in the period, with their downloads.", MostReadUnits],
            T["Unit"], T["Count"], columns,
            units.Select(u => new StatisticsRow(u.OrganizationId ?? "", u.UnitName, [u.Views, u.Downloads])).ToList(),
            ChartKind.Bar)
        {
            ColumnKeys = ["views", "downloads"],
            Note = units.Count == 0 ? T["Nothing was counted in this period."].Value : null,
        };

        return new StatisticsSection("luot-xem", T["Page views and downloads"],
            T["Counted privately: no cookie, no address stored; a visitor once per item and day; robots skipped. Details per item: /admin/thong-ke/luot-xem."],
            [overTime, byUnit]);
    }
}
