namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>
/// One added-up figure: the indicator, its rule, the value (null when the rule is <see cref="AddUpRule.None"/>, when no
/// unit contributed, or when a weighted share has no weight), how many units contributed to it and how many units were
/// added up. For a yes/no indicator the value is the number of units that said yes and <see cref="Contributors"/> the
/// number that answered.
/// </summary>
public sealed record AddedUpFigure(string IndicatorKey, AddUpRule Rule, decimal? Value, int Contributors, int Units);

/// <summary>
/// A node of the tree to add up (e.g. the overall → the district offices → their schools). A leaf is a unit that
/// answered, with its <see cref="Values"/> (normalised, as stored; missing or empty = not given); an inner node is a
/// group whose own values, if any, are not used.
/// </summary>
public sealed record AddUpNode(string Key, string Name, IReadOnlyDictionary<string, string?>? Values = null, IReadOnlyList<AddUpNode>? Children = null)
{
    public bool IsLeaf => Children is null || Children.Count == 0;

    public IEnumerable<AddUpNode> Leaves() => IsLeaf ? [this] : Children!.SelectMany(c => c.Leaves());
}

/// <summary>A node with its figures, added up from all the units (leaves) below it, and its children likewise.</summary>
public sealed record AddedUpNode(string Key, string Name, int Units, IReadOnlyDictionary<string, AddedUpFigure> Figures, IReadOnlyList<AddedUpNode> Children);

/// <summary>
/// Adds up the units' values by each indicator's rule (<see cref="AddUpRule"/>):
/// <list type="bullet">
/// <item><b>Sum</b>: the sum of the values given (exact; a missing value is not a zero but it changes nothing). Yes/no:
/// the number of units that said yes.</item>
/// <item><b>Average</b>: the mean of the values given, missing ones not counted.</item>
/// <item><b>WeightedShare</b>: Σ value × weight ÷ Σ weight over the units that gave both the value and a weight above
/// zero (the weight is the whole-number indicator named by <see cref="IndicatorDefinition.WeightKey"/>); no such unit,
/// no figure.</item>
/// <item><b>None</b>: no figure; short texts never add up.</item>
/// </list>
/// Averages and weighted shares are rounded to <see cref="Decimals"/> places, halves away from zero (as Excel's ROUND);
/// sums are not rounded. A group's figures are always added up from the units below it, never from its subgroups'
/// figures, so an average over districts is the average over all their schools, not an average of averages. A stored
/// value that no longer reads as its kind counts as missing.
/// </summary>
public static class IndicatorAddUp
{
    public const int Decimals = 2;

    /// <summary>The figures of a set of units, one per indicator, in the indicators' order.</summary>
    public static IReadOnlyDictionary<string, AddedUpFigure> AddUp(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<IReadOnlyDictionary<string, string?>> units)
    {
        var figures = new Dictionary<string, AddedUpFigure>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            figures[indicator.Key] = AddUp(indicator, indicators, units);
        }

        return figures;
    }

    /// <summary>The figure of one indicator (its weight, for a weighted share, looked up in <paramref name="indicators"/>).</summary>
    public static AddedUpFigure AddUp(IndicatorDefinition indicator, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<IReadOnlyDictionary<string, string?>> units)
    {
        var count = units.Count;
        if (indicator.Kind == IndicatorKind.ShortText)
        {
            return new AddedUpFigure(indicator.Key, indicator.AddUp, null, units.Count(u => !string.IsNullOrWhiteSpace(Get(u, indicator.Key))), count);
        }

        if (indicator.Kind == IndicatorKind.YesNo)
        {
            var answers = units.Select(u => IndicatorEntries.ReadYesNo(Get(u, indicator.Key))).Where(a => a is not null).ToList();
            decimal? yes = indicator.AddUp == AddUpRule.None || answers.Count == 0 ? null : answers.Count(a => a == true);
            return new AddedUpFigure(indicator.Key, indicator.AddUp, yes, answers.Count, count);
        }

        var given = units.Select(u => Number(u, indicator.Key)).Where(v => v is not null).Select(v => v!.Value).ToList();
        switch (indicator.AddUp)
        {
            case AddUpRule.Sum:
                return new AddedUpFigure(indicator.Key, AddUpRule.Sum, given.Count == 0 ? null : given.Sum(), given.Count, count);

            case AddUpRule.Average:
                return new AddedUpFigure(indicator.Key, AddUpRule.Average, given.Count == 0 ? null : Round(given.Sum() / given.Count), given.Count, count);

            case AddUpRule.WeightedShare:
                var weightKey = indicators.FirstOrDefault(i => i.Key == indicator.WeightKey && i.Kind == IndicatorKind.WholeNumber)?.Key;
                if (weightKey is null)
                {
                    return new AddedUpFigure(indicator.Key, AddUpRule.WeightedShare, null, 0, count);
                }

                var pairs = units
                    .Select(u => (Value: Number(u, indicator.Key), Weight: Number(u, weightKey)))
                    .Where(p => p.Value is not null && p.Weight is > 0)
                    .Select(p => (Value: p.Value!.Value, Weight: p.Weight!.Value))
                    .ToList();
                var totalWeight = pairs.Sum(p => p.Weight);
                decimal? share = pairs.Count == 0 ? null : Round(pairs.Sum(p => p.Value * p.Weight) / totalWeight);
                return new AddedUpFigure(indicator.Key, AddUpRule.WeightedShare, share, pairs.Count, count);

            default:
                return new AddedUpFigure(indicator.Key, indicator.AddUp, null, given.Count, count);
        }
    }

    /// <summary>Adds up a tree: each node's figures over all the units (leaves) below it.</summary>
    public static AddedUpNode AddUpTree(IReadOnlyList<IndicatorDefinition> indicators, AddUpNode node)
    {
        var leaves = node.Leaves().Select(l => l.Values ?? new Dictionary<string, string?>()).ToList();
        var children = node.IsLeaf ? [] : node.Children!.Select(c => AddUpTree(indicators, c)).ToList();
        return new AddedUpNode(node.Key, node.Name, leaves.Count, AddUp(indicators, leaves), children);
    }

    /// <summary>
    /// The value to pre-fill in the report of the unit above (a district office's, from its schools): the figure as a
    /// stored value valid for the indicator's kind — a whole number rounded to whole — or null when there is nothing to
    /// pre-fill (no figure, a rule of None, or a yes/no, which a count of schools does not answer).
    /// </summary>
    public static string? PrefillValue(IndicatorDefinition indicator, AddedUpFigure figure)
    {
        if (figure.Value is not { } value || indicator.AddUp == AddUpRule.None || !IndicatorEntries.IsNumeric(indicator.Kind))
        {
            return null;
        }

        return IndicatorEntries.Normalise(indicator.Kind == IndicatorKind.WholeNumber ? Math.Round(value, 0, MidpointRounding.AwayFromZero) : value);
    }

    /// <summary>Pre-fill values for every indicator that has one (see <see cref="PrefillValue"/>).</summary>
    public static IReadOnlyDictionary<string, string> Prefill(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyDictionary<string, AddedUpFigure> figures)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            if (figures.TryGetValue(indicator.Key, out var figure) && PrefillValue(indicator, figure) is { } value)
            {
                values[indicator.Key] = value;
            }
        }

        return values;
    }

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    private static string? Get(IReadOnlyDictionary<string, string?> values, string key) => values.TryGetValue(key, out var value) ? value : null;

    private static decimal? Number(IReadOnlyDictionary<string, string?> values, string key)
        => IndicatorEntries.TryReadNumber(Get(values, key), out var number) ? number : null;
}
