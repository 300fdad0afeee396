using System.Globalization;
using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Statistics;

/// <summary>The statistics page: the sections, the user's scope, the query string of the filters (for the downloads) and the chart writer.</summary>
public sealed record StatisticsPageView(StatisticsPage Page, UserScope Scope, SvgChartWriter Charts)
{
    public StatisticsFilter Filter => Page.Query.Filter;

    public string QueryString => Filter.ToQueryString();

    /// <summary>A figure as the page shows it: Vietnamese digits grouping (1.234; 2,5), empty when there is none.</summary>
    public static string Figure(decimal? value)
        => value is { } v ? v.ToString(v == decimal.Truncate(v) ? "#,##0" : "#,##0.0", CultureInfo.GetCultureInfo("vi-VN")) : "";
}
