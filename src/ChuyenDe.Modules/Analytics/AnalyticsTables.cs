using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Analytics;

/// <summary>The three tables of a report (per item, per unit, over time), in the words of the page and the exports.</summary>
public static class AnalyticsTables
{
    public const string Items = "noi-dung";
    public const string Units = "don-vi";
    public const string Time = "thoi-gian";

    public static readonly IReadOnlyList<string> Keys = [Items, Units, Time];

    public static IReadOnlyList<AnalyticsTable> Build(AnalyticsReport report, IStringLocalizer T, IReadOnlyDictionary<string, string> typeNames)
    {
        var views = T["Page views"].Value;
        var downloads = T["Downloads"].Value;
        var total = T["Total"].Value;
        var noUnit = T["(no unit)"].Value;

        var items = new AnalyticsTable(Items, T["By item"],
            [T["No."], T["Item"], T["Content type"], T["Unit"], views, downloads],
            report.Items.Select((i, n) => (IReadOnlyList<object?>)[(long)(n + 1), i.Title,
                i.ContentType is null ? null : typeNames.GetValueOrDefault(i.ContentType, i.ContentType), i.UnitName ?? noUnit, i.Views, i.Downloads]).ToList(),
            [null, total, null, null, report.Items.Sum(i => i.Views), report.Items.Sum(i => i.Downloads)]);

        var units = new AnalyticsTable(Units, T["By unit"],
            [T["No."], T["Unit"], T["District office"], T["Items viewed or downloaded"], views, downloads],
            report.Units.Select((u, n) => (IReadOnlyList<object?>)[(long)(n + 1), u.OrganizationId is null ? noUnit : u.UnitName, u.DistrictName,
                (long)u.Items, u.Views, u.Downloads]).ToList(),
            [null, total, null, (long)report.Items.Count, report.Units.Sum(u => u.Views), report.Units.Sum(u => u.Downloads)]);

        var monthly = report.Filter.Granularity == AnalyticsGranularity.Month;
        var time = new AnalyticsTable(Time, T["Over time"],
            [monthly ? T["Month"] : T["Day"], T["From"], T["To"], views, downloads],
            report.Series.Select(p => (IReadOnlyList<object?>)[PeriodLabel(p, monthly), DateText(p.Start), DateText(p.End), p.Views, p.Downloads]).ToList(),
            [total, DateText(report.Filter.From), DateText(report.Filter.To), report.TotalViews, report.TotalDownloads]);
        return [items, units, time];
    }

    /// <summary>25/11/2026 for a day, 11/2026 for a month.</summary>
    public static string PeriodLabel(PeriodCounts period, bool monthly)
        => monthly ? period.Start.ToString("MM/yyyy", CultureInfo.InvariantCulture) : DateText(period.Start);

    public static string DateText(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
