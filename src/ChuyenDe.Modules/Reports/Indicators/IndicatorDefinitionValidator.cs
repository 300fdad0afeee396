using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>
/// Checks a set of indicator definitions (a round's or a template's) before it is saved or imported from a recipe:
/// <list type="bullet">
/// <item>keys are lower-case ASCII letters and digits joined by single dashes, at most <see cref="MaxKeyLength"/> long, unique;</item>
/// <item>every indicator has a name (at most <see cref="MaxNameLength"/> characters);</item>
/// <item>a range belongs to numeric kinds only, its minimum is not above its maximum, and a whole number's bounds are whole;</item>
/// <item>the add-up rule fits the kind: a sum for whole numbers, decimals and yes/no (counting the units that said yes);
/// an average for numeric kinds; a weighted share for percentages and decimals; short texts never add up;</item>
/// <item>a weighted share names, in <see cref="IndicatorDefinition.WeightKey"/>, another whole-number indicator of the same
/// set; no other rule has a weight key.</item>
/// </list>
/// Errors are keyed by the indicator's position, "0", "1"…, so that an editor can show them beside the row even when its
/// key is empty or repeated; they follow the rows' order.
/// </summary>
public sealed partial class IndicatorDefinitionValidator(IStringLocalizer<IndicatorResources> t)
{
    public const int MaxKeyLength = 64;

    public const int MaxNameLength = 300;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>Whether a key is lower-case ASCII letters and digits joined by single dashes, and not too long.</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= MaxKeyLength } && KeyPattern().IsMatch(key);

    public IReadOnlyList<IndicatorError> Validate(IReadOnlyList<IndicatorDefinition> indicators)
    {
        var errors = new List<IndicatorError>();
        var byKey = indicators.Where(i => IsValidKey(i.Key)).GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < indicators.Count; index++)
        {
            var indicator = indicators[index];
            var row = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var name = string.IsNullOrWhiteSpace(indicator.Name) ? indicator.Key : indicator.Name.Trim();
            void Add(string message) => errors.Add(new IndicatorError(row, message));

            if (!IsValidKey(indicator.Key))
            {
                Add(t["The key of indicator {0} (“{1}”) must be lower-case letters a–z and digits joined by dashes, without accents, at most {2} characters, e.g. truong-tham-gia.", index + 1, indicator.Key, MaxKeyLength]);
            }
            else if (!seen.Add(indicator.Key))
            {
                Add(t["The key “{0}” is used by more than one indicator.", indicator.Key]);
            }

            if (string.IsNullOrWhiteSpace(indicator.Name))
            {
                Add(t["Indicator {0} has no name.", index + 1]);
            }
            else if (indicator.Name.Trim().Length > MaxNameLength)
            {
                Add(t["The name of indicator {0} is longer than {1} characters.", index + 1, MaxNameLength]);
            }

            if (!Enum.IsDefined(indicator.Kind) || !Enum.IsDefined(indicator.AddUp))
            {
                Add(t["“{0}” has an unknown kind or add-up rule.", name]);
                continue;
            }

            var hasRange = indicator.Minimum is not null || indicator.Maximum is not null;
            if (hasRange && !IndicatorEntries.IsNumeric(indicator.Kind))
            {
                Add(t["“{0}”: only numbers and percentages have an allowed range.", name]);
            }
            else if (indicator.Minimum is { } min && indicator.Maximum is { } max && min > max)
            {
                Add(t["“{0}”: the smallest allowed value is greater than the largest.", name]);
            }
            else if (indicator.Kind == IndicatorKind.WholeNumber
                && ((indicator.Minimum is { } low && low != decimal.Truncate(low)) || (indicator.Maximum is { } high && high != decimal.Truncate(high))))
            {
                Add(t["“{0}”: the range of a whole number must have whole bounds.", name]);
            }

            var ruleFits = indicator.AddUp switch
            {
                AddUpRule.None => true,
                AddUpRule.Sum => indicator.Kind is IndicatorKind.WholeNumber or IndicatorKind.Decimal or IndicatorKind.YesNo,
                AddUpRule.Average => IndicatorEntries.IsNumeric(indicator.Kind),
                AddUpRule.WeightedShare => indicator.Kind is IndicatorKind.Percentage or IndicatorKind.Decimal,
                _ => false,
            };
            if (!ruleFits)
            {
                Add(indicator.Kind switch
                {
                    IndicatorKind.ShortText => t["“{0}”: a short text is not added up; choose “None”.", name],
                    IndicatorKind.YesNo => t["“{0}”: a yes/no indicator adds up as a sum (how many units said yes) or not at all.", name],
                    IndicatorKind.Percentage => t["“{0}”: percentages do not add up as a sum; choose an average or a weighted share.", name],
                    _ => t["“{0}”: a weighted share applies to percentages and decimals only.", name],
                });
            }

            if (indicator.AddUp == AddUpRule.WeightedShare)
            {
                if (string.IsNullOrWhiteSpace(indicator.WeightKey))
                {
                    Add(t["“{0}”: a weighted share needs the whole-number indicator that weights it.", name]);
                }
                else if (indicator.WeightKey == indicator.Key)
                {
                    Add(t["“{0}” cannot be weighted by itself.", name]);
                }
                else if (!byKey.TryGetValue(indicator.WeightKey, out var weight))
                {
                    Add(t["“{0}” is weighted by “{1}”, which is not an indicator of this set.", name, indicator.WeightKey]);
                }
                else if (weight.Kind != IndicatorKind.WholeNumber)
                {
                    Add(t["“{0}” is weighted by “{1}”, which is not a whole number.", name, string.IsNullOrWhiteSpace(weight.Name) ? weight.Key : weight.Name]);
                }
            }
            else if (!string.IsNullOrWhiteSpace(indicator.WeightKey))
            {
                Add(t["“{0}”: only a weighted share has a weighting indicator.", name]);
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks an outline: every section has a title and a key (same form as indicator keys) unique in the whole outline,
    /// and it is not nested deeper than <paramref name="maxDepth"/> levels. Errors are keyed by the section's key (or its
    /// path of positions, "1.2", when the key is missing or wrong).
    /// </summary>
    public IReadOnlyList<IndicatorError> ValidateOutline(IReadOnlyList<OutlineSection> outline, int maxDepth = 4)
    {
        var errors = new List<IndicatorError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Walk(IReadOnlyList<OutlineSection> sections, string prefix, int depth)
        {
            for (var index = 0; index < sections.Count; index++)
            {
                var section = sections[index];
                var path = prefix + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var label = string.IsNullOrWhiteSpace(section.Title) ? path : section.Title.Trim();
                var errorKey = IsValidKey(section.Key) ? section.Key : path;
                if (!IsValidKey(section.Key))
                {
                    errors.Add(new IndicatorError(errorKey, t["The key of section “{0}” must be lower-case letters a–z and digits joined by dashes, e.g. i-1.", label]));
                }
                else if (!seen.Add(section.Key))
                {
                    errors.Add(new IndicatorError(errorKey, t["The key “{0}” is used by more than one section.", section.Key]));
                }

                if (string.IsNullOrWhiteSpace(section.Title))
                {
                    errors.Add(new IndicatorError(errorKey, t["Section {0} has no title.", path]));
                }

                if (depth > maxDepth)
                {
                    errors.Add(new IndicatorError(errorKey, t["Section “{0}” is nested deeper than {1} levels.", label, maxDepth]));
                }

                Walk(section.Children, path + ".", depth + 1);
            }
        }

        Walk(outline, "", 1);
        return errors;
    }
}
