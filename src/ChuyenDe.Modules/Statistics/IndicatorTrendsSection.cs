using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// (d) Each indicator of the report rounds across rounds (table <c>chi-tieu-qua-cac-dot</c>, a line per indicator):
/// the rounds owned by a unit in the user's scope (administrators: all) that have been opened, whose deadline falls in
/// the period, in the order of their school year and deadline; the indicators that can be added up (numbers,
/// percentages, yes/no; not short texts or "not added up") matched by their key, those shared by at least two rounds
/// when there are two or more. A figure is the round's consolidation (<see cref="ReportConsolidationService"/>: the
/// counted reports added up by the indicator's rule); with a district filter, that district's figure (its group or its
/// own report) unless the round belongs to the district itself.
/// </summary>
internal sealed class IndicatorTrendsSection(DbContext db, ReportConsolidationService consolidations, IStringLocalizer<StatisticsResources> T) : IStatisticsSection
{
    public const string TableId = "chi-tieu-qua-cac-dot";

    public int Order => 400;

    public async Task<StatisticsSection?> BuildAsync(StatisticsQuery query, CancellationToken ct)
    {
        var rounds = (await db.Set<ReportRound>().AsNoTracking().Where(r => r.State != ReportRoundState.Draft).ToListAsync(ct))
            .Where(r => query.Scope.InScope(r.OwnerOrganizationId) && query.InPeriod(r.DeadlineUtc ?? r.CreatedUtc))
            .OrderBy(r => r.SchoolYear, StringComparer.Ordinal).ThenBy(r => r.DeadlineUtc).ThenBy(r => r.Id)
            .ToList();
        if (rounds.Count == 0)
        {
            return new StatisticsSection("chi-tieu", T["Report rounds' indicators"], T["No report round of the units in your scope has been opened in the period."], []);
        }

        var columns = new List<(ReportRound Round, IReadOnlyDictionary<string, AddedUpFigure>? Figures, IReadOnlyList<IndicatorDefinition> Indicators)>();
        foreach (var round in rounds)
        {
            var consolidation = await consolidations.ConsolidateAsync(round, ct);
            AddedUpNode? node = consolidation.Main.Overall;
            if (query.Filter.DistrictId is { } district && query.DistrictSubtree is not null && !query.DistrictSubtree.Contains(round.OwnerOrganizationId))
            {
                node = Find(node, district);
            }

            columns.Add((round, node?.Figures, consolidation.Indicators));
        }

        var addable = columns
            .SelectMany(c => c.Indicators.Where(i => i.Kind != IndicatorKind.ShortText && i.AddUp != AddUpRule.None).Select(i => (c.Round.Id, Indicator: i)))
            .GroupBy(x => x.Indicator.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Indicator: g.First().Indicator, Rounds: g.Select(x => x.Id).Distinct().Count()))
            .ToList();
        var shared = rounds.Count >= 2 && addable.Any(a => a.Rounds >= 2) ? addable.Where(a => a.Rounds >= 2).ToList() : addable;

        var rows = shared.Select(a => new StatisticsRow(
                a.Key,
                a.Indicator.Unit is { Length: > 0 } unit ? $"{a.Indicator.Name} ({unit})" : a.Indicator.Name,
                columns.Select(c => c.Figures is not null && c.Figures.TryGetValue(a.Key, out var figure) ? figure.Value : null).ToList()))
            .ToList();
        var table = new StatisticsTable(TableId, T["Indicators across report rounds"],
            T["Lines: the added-up figure of each indicator in each report round, rounds in time order. The table below has the same numbers; an empty cell means the round has no figure for it."],
            T["Indicator"], T["Figure (in the indicator's unit)"],
            columns.Select(c => c.Round.SchoolYear is { Length: > 0 } year ? $"{c.Round.Title} ({year})" : c.Round.Title).ToList(),
            rows, ChartKind.Line)
        {
            ChartByColumns = true,
            ColumnHeading = T["Report round"],
            Fractional = true,
            Note = T["Figures as in each round's consolidation: the counted reports (submitted or accepted) added up by the indicator's rule."],
        };
        return new StatisticsSection("chi-tieu", T["Report rounds' indicators"], null, [table]);
    }

    private static AddedUpNode? Find(AddedUpNode node, string key)
    {
        if (node.Key == key)
        {
            return node;
        }

        foreach (var child in node.Children)
        {
            if (Find(child, key) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
