using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Reports;
using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>What the curator asks for when adding a figure from a round's indicators.</summary>
public sealed record RoundFigureRequest(
    IReadOnlyList<string> IndicatorKeys,
    bool ByUnit,
    ChartKind Chart,
    string? Title,
    string? Description);

/// <summary>
/// Turns a round's consolidation (<see cref="ReportConsolidationService"/>: the latest submitted version of each report
/// standing submitted or accepted) into a figure: one row per unit that is counted (or one row per indicator for the
/// whole round) and one column per chosen numeric indicator; the round's overall figure as the total row. A yes/no
/// indicator counts 1 for yes per unit, as the consolidation adds it up.
/// </summary>
public sealed class RoundFigures(IStringLocalizer<ResultsResources> T)
{
    /// <summary>The indicators a figure may show: the numeric and yes/no ones (short texts do not add up).</summary>
    public static IReadOnlyList<IndicatorDefinition> Chartable(IReadOnlyList<IndicatorDefinition> indicators)
        => indicators.Where(i => IndicatorEntries.IsNumeric(i.Kind) || i.Kind == IndicatorKind.YesNo).ToList();

    /// <summary>The figure, or the Vietnamese reason it cannot be made.</summary>
    public (ResultBlock? Block, string? Error) Build(string id, RoundConsolidation consolidation, RoundFigureRequest request, DateTime nowUtc)
    {
        var chartable = Chartable(consolidation.Indicators).ToDictionary(i => i.Key, StringComparer.Ordinal);
        var keys = request.IndicatorKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return (null, T["Choose at least one indicator."]);
        }

        if (keys.FirstOrDefault(k => !chartable.ContainsKey(k)) is { } unknown)
        {
            return (null, T["The round has no indicator '{0}' that can be charted.", unknown]);
        }

        if (keys.Count > 8)
        {
            return (null, T["A figure shows at most 8 indicators; split them into several figures."]);
        }

        var chosen = keys.Select(k => chartable[k]).ToList();
        var level = consolidation.Main;
        var counted = level.Units.Where(u => u.Counted).ToList();
        var units = T["{0} of {1} units' reports are counted (submitted or accepted).", counted.Count, level.Units.Count].Value;
        var unitNames = chosen.Select(i => i.Unit).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        var valueLabel = unitNames.Count == 1 ? unitNames[0]! : T["Value"].Value;
        var title = string.IsNullOrWhiteSpace(request.Title)
            ? (chosen.Count == 1 ? chosen[0].Name : chosen[0].Group ?? chosen[0].Name)
            : request.Title.Trim();

        ResultBlock block;
        if (request.ByUnit)
        {
            var categories = counted.Select(u => u.Name).ToList();
            var series = chosen.Select(i => new ResultSeries(i.Name, counted.Select(u => Number(i, u.Export.Values)).ToList())).ToList();
            var total = new ResultTotal(T["Whole round"], chosen.Select(i => Figure(level.Overall, i.Key)).ToList());
            block = new ResultBlock
            {
                Id = id,
                Title = title,
                Chart = request.Chart,
                CategoryLabel = level.UnitLevelName,
                ValueLabel = valueLabel,
                Categories = categories,
                Series = series,
                Total = total,
                Description = string.IsNullOrWhiteSpace(request.Description)
                    ? T["{0} of each unit in the round “{1}”. {2}", string.Join("; ", chosen.Select(i => i.Name)), consolidation.Round.Title, units].Value
                    : request.Description.Trim(),
                Note = units,
                TakenUtc = nowUtc,
                Source = new ResultSource(ResultSourceKinds.RoundIndicators, consolidation.Round.Id, keys, true),
            };
        }
        else
        {
            block = new ResultBlock
            {
                Id = id,
                Title = title,
                Chart = request.Chart == ChartKind.StackedBar ? ChartKind.Bar : request.Chart,
                CategoryLabel = T["Indicator"],
                ValueLabel = valueLabel,
                Categories = chosen.Select(i => i.Name).ToList(),
                Series = [new ResultSeries(T["Whole round"], chosen.Select(i => Figure(level.Overall, i.Key)).ToList())],
                Description = string.IsNullOrWhiteSpace(request.Description)
                    ? T["{0} added up over the round “{1}”. {2}", string.Join("; ", chosen.Select(i => i.Name)), consolidation.Round.Title, units].Value
                    : request.Description.Trim(),
                Note = units,
                TakenUtc = nowUtc,
                Source = new ResultSource(ResultSourceKinds.RoundIndicators, consolidation.Round.Id, keys, false),
            };
        }

        return (block, null);
    }

    private static decimal? Figure(AddedUpNode node, string key)
        => node.Figures.TryGetValue(key, out var figure) ? figure.Value : null;

    private static decimal? Number(IndicatorDefinition indicator, IReadOnlyDictionary<string, string?> values)
    {
        var stored = values.GetValueOrDefault(indicator.Key);
        if (indicator.Kind == IndicatorKind.YesNo)
        {
            return IndicatorEntries.ReadYesNo(stored) is { } yes ? (yes ? 1 : 0) : null;
        }

        return IndicatorEntries.TryReadNumber(stored, out var number) ? number : null;
    }
}
