using ChuyenDe.Modules.Reports.Indicators;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>A group of units (a district office and its schools) with its figures.</summary>
public sealed record ConsolidationGroup(string Key, string Name, IReadOnlyList<ConsolidationUnit> Units, IReadOnlyDictionary<string, AddedUpFigure> Figures);

/// <summary>
/// The figures every export shows, computed once from a <see cref="ConsolidationInput"/>: the units, the groups (when
/// any unit has a group; units without one are gathered under "Đơn vị khác"), the overall figures (over all units, by
/// <see cref="IndicatorAddUp"/>), and the labels of the levels, rules and values.
/// </summary>
public sealed class ConsolidationTable
{
    private readonly IStringLocalizer<ConsolidationResources> _t;

    public ConsolidationTable(ConsolidationInput input, IStringLocalizer<ConsolidationResources> t)
    {
        _t = t;
        Input = input;
        IsGrouped = input.Units.Any(u => !string.IsNullOrWhiteSpace(u.GroupKey));
        UnitLevelName = string.IsNullOrWhiteSpace(input.UnitLevelName) ? (IsGrouped ? t["School"] : t["Unit"]) : input.UnitLevelName.Trim();
        GroupLevelName = string.IsNullOrWhiteSpace(input.GroupLevelName) ? t["District education office"] : input.GroupLevelName.Trim();
        OverallName = t["Overall"];

        Groups = !IsGrouped ? [] : input.Units
            .GroupBy(u => string.IsNullOrWhiteSpace(u.GroupKey) ? "" : u.GroupKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .Select(g => new ConsolidationGroup(
                g.Key,
                g.Key.Length == 0 ? t["Other units"] : g.Select(u => u.GroupName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? g.Key,
                g.ToList(),
                IndicatorAddUp.AddUp(input.Indicators, g.Select(u => u.Values).ToList())))
            .ToList();
        Overall = IndicatorAddUp.AddUp(input.Indicators, input.Units.Select(u => u.Values).ToList());
    }

    public ConsolidationInput Input { get; }

    public IReadOnlyList<IndicatorDefinition> Indicators => Input.Indicators;

    /// <summary>The indicators that have a figure above the units (not short texts, not "None").</summary>
    public IReadOnlyList<IndicatorDefinition> AddedUpIndicators => Input.Indicators.Where(HasFigure).ToList();

    public bool IsGrouped { get; }

    public string UnitLevelName { get; }

    public string GroupLevelName { get; }

    public string OverallName { get; }

    public IReadOnlyList<ConsolidationGroup> Groups { get; }

    public IReadOnlyDictionary<string, AddedUpFigure> Overall { get; }

    public static bool HasFigure(IndicatorDefinition indicator) => indicator.AddUp != AddUpRule.None && indicator.Kind != IndicatorKind.ShortText;

    public string Label(string name) => _t[name];

    /// <summary>The column heading of an indicator: its name and, in brackets, its unit of measure.</summary>
    public static string Heading(IndicatorDefinition indicator)
    {
        var name = string.IsNullOrWhiteSpace(indicator.Name) ? indicator.Key : indicator.Name.Trim();
        return string.IsNullOrWhiteSpace(indicator.Unit) ? name : $"{name} ({indicator.Unit.Trim()})";
    }

    /// <summary>How an indicator adds up, in words.</summary>
    public string RuleName(IndicatorDefinition indicator)
    {
        if (!HasFigure(indicator))
        {
            return _t["Not added up"];
        }

        if (indicator.Kind == IndicatorKind.YesNo)
        {
            return _t["Number of units answering Yes"];
        }

        return indicator.AddUp switch
        {
            AddUpRule.Sum => _t["Sum"],
            AddUpRule.Average => _t["Average"],
            // The weight's name alone, in quotes (its unit in brackets inside brackets read badly).
            _ => _t["Weighted share by “{0}”", Input.Indicators.FirstOrDefault(i => i.Key == indicator.WeightKey) is { } weight && !string.IsNullOrWhiteSpace(weight.Name) ? weight.Name.Trim() : indicator.WeightKey ?? ""],
        };
    }

    /// <summary>A unit's stored value as a number, for numeric kinds; null otherwise or when empty.</summary>
    public static decimal? NumberOf(IndicatorDefinition indicator, ConsolidationUnit unit)
        => IndicatorEntries.IsNumeric(indicator.Kind) && unit.Values.TryGetValue(indicator.Key, out var stored) && IndicatorEntries.TryReadNumber(stored, out var number) ? number : null;

    /// <summary>A unit's stored value as text, for yes/no (Có/Không) and short texts; null for numbers or when empty.</summary>
    public string? TextOf(IndicatorDefinition indicator, ConsolidationUnit unit)
    {
        if (!unit.Values.TryGetValue(indicator.Key, out var stored) || string.IsNullOrEmpty(stored))
        {
            return null;
        }

        return indicator.Kind switch
        {
            IndicatorKind.YesNo => IndicatorEntries.ReadYesNo(stored) switch { true => _t["Yes"], false => _t["No"], null => stored },
            IndicatorKind.ShortText => stored,
            _ => IndicatorEntries.TryReadNumber(stored, out _) ? null : stored,
        };
    }
}
