using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>One indicator of the indicator editor's form, as typed.</summary>
public sealed class IndicatorRowForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Kind { get; set; }
    public string? Minimum { get; set; }
    public string? Maximum { get; set; }
    public string? AddUp { get; set; }
    public string? WeightKey { get; set; }
    public string? Group { get; set; }
    public string? Guidance { get; set; }
}

/// <summary>The indicator editor's form: the rows and the button pressed (<c>save</c>, <c>add</c>, <c>remove:3</c>, <c>up:3</c>, <c>down:3</c>).</summary>
public sealed class IndicatorsForm
{
    public List<IndicatorRowForm> Indicators { get; set; } = [];
    public string? Op { get; set; }
}

/// <summary>The indicator editor: operations on the rows, and the checks of a set before it is saved.</summary>
public static class IndicatorEditing
{
    public const int MaxNameLength = 256;
    public const int MaxShortLength = 64;
    public const int MaxGroupLength = 256;
    public const int MaxGuidanceLength = 2000;

    public static List<IndicatorRowForm> Rows(IReadOnlyList<IndicatorDefinition> indicators)
        => indicators.Select(d => new IndicatorRowForm
        {
            Key = d.Key,
            Name = d.Name,
            Unit = d.Unit,
            Kind = d.Kind.ToString(),
            Minimum = d.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = d.Maximum?.ToString(CultureInfo.InvariantCulture),
            AddUp = d.AddUp.ToString(),
            WeightKey = d.WeightKey,
            Group = d.Group,
            Guidance = d.Guidance,
        }).ToList();

    public static bool Apply(List<IndicatorRowForm> rows, string op)
    {
        var colon = op.IndexOf(':', StringComparison.Ordinal);
        var verb = colon < 0 ? op : op[..colon];
        if (verb == "add" && colon < 0)
        {
            rows.Add(new IndicatorRowForm { Kind = nameof(IndicatorKind.WholeNumber), AddUp = nameof(AddUpRule.Sum) });
            return true;
        }

        if (colon < 0 || !int.TryParse(op[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i < 0 || i >= rows.Count)
        {
            return false;
        }

        switch (verb)
        {
            case "remove":
                rows.RemoveAt(i);
                return true;
            case "up" when i > 0:
                (rows[i - 1], rows[i]) = (rows[i], rows[i - 1]);
                return true;
            case "down" when i < rows.Count - 1:
                (rows[i + 1], rows[i]) = (rows[i], rows[i + 1]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A number as typed: 10.5 or Vietnamese 10,5.</summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        text = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out number)
               || decimal.TryParse(text, styles, CultureInfo.GetCultureInfo("vi-VN"), out number);
    }

    /// <summary>Checks the rows and builds the indicator set; the errors name the row and field, in the admin's words.</summary>
    public static (IReadOnlyList<IndicatorDefinition>? Indicators, IReadOnlyList<FormError> Errors) Build(List<IndicatorRowForm> rows)
    {
        var errors = new List<FormError>();
        var built = new List<(IndicatorDefinition Definition, int Row)>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var n = i + 1;
            var field = $"Indicators[{i}]";
            string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize();
            row.Name = Clean(row.Name);
            row.Unit = Clean(row.Unit);
            row.Group = Clean(row.Group);
            row.Guidance = Clean(row.Guidance);
            row.WeightKey = Clean(row.WeightKey);
            row.Key = Clean(row.Key) ?? (row.Name is null ? null : Slugs.Slugify(row.Name) is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, ReportKeys.MaxLength)].TrimEnd('-') : null);

            if (row.Name is null)
            {
                errors.Add(new FormError(field + ".Name", "Indicator {0}: enter its name.", n));
            }
            else if (row.Name.Length > MaxNameLength)
            {
                errors.Add(new FormError(field + ".Name", "Indicator {0}: the name is longer than {1} characters.", n, MaxNameLength));
            }

            if (row.Key is null)
            {
                errors.Add(new FormError(field + ".Key", "Indicator {0}: enter its key.", n));
            }
            else if (!ReportKeys.IsValid(row.Key))
            {
                errors.Add(new FormError(field + ".Key", "Indicator {0}: the key may hold only a–z, 0–9 and '-' (at most 64).", n));
            }
            else if (!keys.TryAdd(row.Key, n))
            {
                errors.Add(new FormError(field + ".Key", "Indicator {0}: the key “{1}” is already used by indicator {2}.", n, row.Key, keys[row.Key]));
            }

            if (row.Unit?.Length > MaxShortLength)
            {
                errors.Add(new FormError(field + ".Unit", "Indicator {0}: the unit of measure is longer than {1} characters.", n, MaxShortLength));
            }

            if (row.Group?.Length > MaxGroupLength)
            {
                errors.Add(new FormError(field + ".Group", "Indicator {0}: the group is longer than {1} characters.", n, MaxGroupLength));
            }

            if (row.Guidance?.Length > MaxGuidanceLength)
            {
                errors.Add(new FormError(field + ".Guidance", "Indicator {0}: the guidance is longer than {1} characters.", n, MaxGuidanceLength));
            }

            if (!Enum.TryParse<IndicatorKind>(row.Kind, false, out var kind) || !Enum.IsDefined(kind))
            {
                errors.Add(new FormError(field + ".Kind", "Indicator {0}: choose the kind of value.", n));
                continue;
            }

            if (!Enum.TryParse<AddUpRule>(row.AddUp, false, out var addUp) || !Enum.IsDefined(addUp))
            {
                errors.Add(new FormError(field + ".AddUp", "Indicator {0}: choose how the values add up.", n));
                continue;
            }

            decimal? minimum = null, maximum = null;
            var rangeOk = true;
            foreach (var (text, name) in new[] { (row.Minimum, "Minimum"), (row.Maximum, "Maximum") })
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (!TryParseNumber(text, out var value))
                {
                    errors.Add(new FormError($"{field}.{name}", "Indicator {0}: “{1}” is not a number.", n, text.Trim()));
                    rangeOk = false;
                    continue;
                }

                if (name == "Minimum")
                {
                    minimum = value;
                }
                else
                {
                    maximum = value;
                }
            }

            var numeric = kind is IndicatorKind.WholeNumber or IndicatorKind.Percentage or IndicatorKind.Decimal;
            if (!numeric && (minimum is not null || maximum is not null))
            {
                errors.Add(new FormError(field + ".Minimum", "Indicator {0}: an allowed range applies only to numbers and percentages.", n));
                rangeOk = false;
            }

            if (rangeOk && kind == IndicatorKind.WholeNumber && (minimum is { } a && a != decimal.Truncate(a) || maximum is { } b && b != decimal.Truncate(b)))
            {
                errors.Add(new FormError(field + ".Minimum", "Indicator {0}: the range of a whole number must be whole numbers.", n));
                rangeOk = false;
            }

            if (rangeOk && kind == IndicatorKind.Percentage && (minimum < 0 || maximum > 100 || minimum > 100 || maximum < 0))
            {
                errors.Add(new FormError(field + ".Minimum", "Indicator {0}: the range of a percentage lies between 0 and 100.", n));
                rangeOk = false;
            }

            if (rangeOk && minimum > maximum)
            {
                errors.Add(new FormError(field + ".Maximum", "Indicator {0}: the smallest value ({1}) is larger than the largest ({2}).", n,
                    minimum.Value.ToString(CultureInfo.GetCultureInfo("vi-VN")), maximum!.Value.ToString(CultureInfo.GetCultureInfo("vi-VN"))));
            }

            var ruleFits = kind switch
            {
                IndicatorKind.ShortText => addUp == AddUpRule.None,
                IndicatorKind.YesNo => addUp is AddUpRule.Sum or AddUpRule.None,
                IndicatorKind.WholeNumber or IndicatorKind.Decimal => addUp is not AddUpRule.WeightedShare,
                _ => true,
            };
            if (!ruleFits)
            {
                errors.Add(new FormError(field + ".AddUp", kind switch
                {
                    IndicatorKind.ShortText => "Indicator {0}: a short text does not add up; choose “not added up”.",
                    IndicatorKind.YesNo => "Indicator {0}: a yes/no value adds up as a count of “yes” (sum) or not at all.",
                    _ => "Indicator {0}: only a percentage adds up as a weighted share.",
                }, n));
            }

            if (addUp != AddUpRule.WeightedShare && row.WeightKey is not null)
            {
                errors.Add(new FormError(field + ".WeightKey", "Indicator {0}: a weight applies only to a weighted share; leave it empty.", n));
            }
            else if (addUp == AddUpRule.WeightedShare && row.WeightKey is null)
            {
                errors.Add(new FormError(field + ".WeightKey", "Indicator {0}: a weighted share needs the key of the whole-number indicator that weights it.", n));
            }

            if (row.Key is not null && row.Name is not null)
            {
                built.Add((new IndicatorDefinition
                {
                    Key = row.Key,
                    Name = row.Name,
                    Unit = row.Unit,
                    Kind = kind,
                    Minimum = minimum,
                    Maximum = maximum,
                    AddUp = addUp,
                    WeightKey = row.WeightKey,
                    Group = row.Group,
                    Guidance = row.Guidance,
                }, i));
            }
        }

        // Weights name a whole-number indicator of the same set (not the indicator itself).
        var byKey = built.GroupBy(b => b.Definition.Key).ToDictionary(g => g.Key, g => g.First().Definition, StringComparer.Ordinal);
        foreach (var (definition, i) in built.Where(b => b.Definition.AddUp == AddUpRule.WeightedShare && b.Definition.WeightKey is not null))
        {
            if (!byKey.TryGetValue(definition.WeightKey!, out var weight) || weight.Kind != IndicatorKind.WholeNumber || weight.Key == definition.Key)
            {
                errors.Add(new FormError($"Indicators[{i}].WeightKey",
                    "Indicator {0}: the weight “{1}” must be the key of a whole-number indicator of this set.", i + 1, definition.WeightKey!));
            }
        }

        return errors.Count > 0 ? (null, errors) : (built.Select(b => b.Definition).ToList(), []);
    }
}
