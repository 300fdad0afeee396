using ChuyenDe.Modules.Charts;

namespace ChuyenDe.Modules.Statistics;

/// <summary>A table of the statistics page with its chart's SVG markup (written by <see cref="SvgChartWriter"/>, every text escaped) and the filters' query string.</summary>
public sealed record StatisticsTableView(StatisticsTable Table, string Query, SvgChartWriter Charts)
{
    public string Svg => Charts.Write(Table.ToChart());
}
