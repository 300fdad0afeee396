using System.Globalization;

namespace ChuyenDe.Modules.Charts;

/// <summary>
/// What a chart shows, independent of how it is drawn: the SVG writer and the PNG renderer draw the same model through
/// the same layout, so the two downloads and the page agree. Texts are given in the UI language by the caller.
/// </summary>
/// <param name="Id">A short id, unique on the page (used for the ids of the title and description).</param>
/// <param name="Title">The chart's title (the SVG's &lt;title&gt;, drawn at the top).</param>
/// <param name="Description">A sentence or two telling what the chart shows (the SVG's &lt;desc&gt;).</param>
/// <param name="CategoryAxisLabel">What the categories are (e.g. "Quận, huyện").</param>
/// <param name="ValueAxisLabel">What the values are (e.g. "Số học liệu").</param>
public sealed record ChartModel(
    string Id,
    ChartKind Kind,
    string Title,
    string Description,
    string CategoryAxisLabel,
    string ValueAxisLabel,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    /// <summary>How tick and value labels are written (Vietnamese by default: 1.234,5).</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The largest value shown (a stacked bar's largest total), 0 when there is none.</summary>
    public decimal MaxValue => Kind == ChartKind.StackedBar
        ? Categories.Select((_, i) => Series.Sum(s => Math.Max(0, s.Values.ElementAtOrDefault(i) ?? 0))).DefaultIfEmpty(0).Max()
        : Series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();
}
