using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// (a) The published items by the two groupings the user chose (rows × columns among type, district, unit, criteria
/// group, level and school year), with totals: table <c>hoc-lieu</c>.
/// </summary>
internal sealed class PublishedItemsSection(StatisticsContentFacts facts, StatisticsAxes axes, IStringLocalizer<StatisticsResources> T) : IStatisticsSection
{
    public const string TableId = "hoc-lieu";

    public int Order => 100;

    public async Task<StatisticsSection?> BuildAsync(StatisticsQuery query, CancellationToken ct)
    {
        var allTypes = await facts.TypesAsync(ct);
        var types = query.Filter.ContentType is { } chosen ? allTypes.Where(t => t.Name == chosen).ToList() : allTypes.ToList();
        var items = await facts.LoadAsync(query, types.Select(t => t.Name).ToList(), ct);
        var rows = await axes.AxisAsync(query.Filter.Rows, query, types, ct);
        var columns = await axes.AxisAsync(query.Filter.Columns, query, types, ct);
        var title = T["Published items by {0} and {1}", rows.Heading.ToLowerInvariant(), columns.Heading.ToLowerInvariant()].Value;
        var multi = rows.MultiValued || columns.MultiValued;
        var table = StatisticsPivot.Count(
            TableId,
            title,
            T["Stacked bars: for each {0}, the number of published items, split by {1}. The table below the chart has the same numbers.", rows.Heading.ToLowerInvariant(), columns.Heading.ToLowerInvariant()],
            T["Number of published items"],
            T["Total"],
            rows,
            columns,
            items,
            multi ? T["An item classified under several values is counted under each; the totals count each item once."].Value : null);
        return new StatisticsSection("hoc-lieu", T["Published items"], T["Items published in the period by the units in your scope (the published version's publication date)."], [table]);
    }
}
