using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// (b) The exemplary products by criteria group (their theme) and level, and the model sites by theme and level:
/// tables <c>san-pham-dien-hinh</c> and <c>mo-hinh-diem</c>. The type filter does not apply (each table is one type).
/// </summary>
internal sealed class RecognitionSection(StatisticsContentFacts facts, StatisticsAxes axes, IStringLocalizer<StatisticsResources> T) : IStatisticsSection
{
    public const string ProductsTableId = "san-pham-dien-hinh";
    public const string SitesTableId = "mo-hinh-diem";

    public int Order => 200;

    public async Task<StatisticsSection?> BuildAsync(StatisticsQuery query, CancellationToken ct)
    {
        var types = await facts.TypesAsync(ct);
        var tables = new List<StatisticsTable>();
        var levels = await axes.TaxonomyAxisAsync(T["Level"], StatisticsContentFacts.LevelsTaxonomy, rootsOnly: false, ct);
        if (types.Any(t => t.Name == StatisticsContentFacts.ExemplaryProduct))
        {
            var products = await facts.LoadAsync(query, [StatisticsContentFacts.ExemplaryProduct], ct);
            var themes = await axes.TaxonomyAxisAsync(T["Criteria group"], StatisticsContentFacts.CriteriaTaxonomy, rootsOnly: true, ct);
            tables.Add(StatisticsPivot.Count(
                ProductsTableId,
                T["Exemplary products by criteria group and level"],
                T["Stacked bars: for each criteria group, the number of exemplary products, split by the level that recognised them."],
                T["Number of exemplary products"],
                T["Total"],
                themes,
                levels,
                products,
                T["A product serving several criteria groups is counted under each; the totals count each product once."]));
        }

        if (types.Any(t => t.Name == StatisticsContentFacts.ModelSite))
        {
            var sites = await facts.LoadAsync(query, [StatisticsContentFacts.ModelSite], ct);
            var themes = await axes.TaxonomyAxisAsync(T["Theme"], StatisticsContentFacts.ModelSiteThemesTaxonomy, rootsOnly: true, ct);
            tables.Add(StatisticsPivot.Count(
                SitesTableId,
                T["Model sites by theme and level"],
                T["Stacked bars: for each theme, the number of model sites, split by the level that recognised them."],
                T["Number of model sites"],
                T["Total"],
                themes,
                levels,
                sites,
                T["A model site with several themes is counted under each; the totals count each site once."]));
        }

        return tables.Count == 0 ? null : new StatisticsSection("cong-nhan", T["Exemplary products and model sites"], null, tables);
    }
}
