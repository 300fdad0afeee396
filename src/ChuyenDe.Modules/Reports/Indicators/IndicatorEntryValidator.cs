using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>A message about one indicator (or, for definitions, one row of the editor), keyed by the indicator's key.</summary>
public sealed record IndicatorError(string Key, string Message);

/// <summary>The outcome of one entry: the normalised value to store (null when empty or wrong) and the message, if wrong.</summary>
public sealed record IndicatorEntryResult(string? Value, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>How complete a set of answers must be.</summary>
public enum AnswerCompleteness
{
    /// <summary>A draft: any indicator may still be empty.</summary>
    Draft,

    /// <summary>A submission: every indicator except short texts needs a value (0 and Không are values).</summary>
    Submission,
}

/// <summary>A unit's answers read and checked: the normalised values to store (empty entries left out) and every message.</summary>
public sealed record IndicatorAnswers(IReadOnlyDictionary<string, string> Values, IReadOnlyList<IndicatorError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks what units enter for a round's indicators (<see cref="IndicatorEntries"/> reads it) and says in Vietnamese what
/// is wrong, naming the indicator and the allowed range; also shows stored values the Vietnamese way.
/// </summary>
public sealed class IndicatorEntryValidator(IStringLocalizer<IndicatorResources> t)
{
    /// <summary>One entry, as typed.</summary>
    public IndicatorEntryResult Validate(IndicatorDefinition indicator, string? input)
    {
        var parsed = IndicatorEntries.Parse(indicator, input);
        return new IndicatorEntryResult(parsed.Value, Message(indicator, parsed.Problem, input));
    }

    /// <summary>
    /// A whole set of answers against the round's indicators: every entry read, keys that are not indicators of the round
    /// refused, and on a submission every indicator except short texts required. Errors follow the indicators' order.
    /// </summary>
    public IndicatorAnswers ValidateAnswers(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyDictionary<string, string?> entries, AnswerCompleteness completeness)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<IndicatorError>();
        foreach (var indicator in indicators)
        {
            entries.TryGetValue(indicator.Key, out var input);
            var result = Validate(indicator, input);
            if (result.Error is not null)
            {
                errors.Add(new IndicatorError(indicator.Key, result.Error));
            }
            else if (result.Value is not null)
            {
                values[indicator.Key] = result.Value;
            }
            else if (completeness == AnswerCompleteness.Submission && indicator.Kind != IndicatorKind.ShortText)
            {
                errors.Add(new IndicatorError(indicator.Key, Message(indicator, EntryProblem.Required, input)!));
            }
        }

        var known = indicators.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in entries.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new IndicatorError(key, t["“{0}” is not an indicator of this report round.", key]));
        }

        return new IndicatorAnswers(values, errors);
    }

    /// <summary>The Vietnamese message for a problem with an entry; null for <see cref="EntryProblem.None"/>.</summary>
    public string? Message(IndicatorDefinition indicator, EntryProblem problem, string? input)
    {
        if (problem == EntryProblem.None)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(indicator.Name) ? indicator.Key : indicator.Name;
        LocalizedString message = problem switch
        {
            EntryProblem.NotANumber => indicator.Kind switch
            {
                IndicatorKind.WholeNumber => t["“{0}” must be a whole number, for example 1.250.", name],
                IndicatorKind.Percentage => t["“{0}” must be a percentage, for example 85 or 85,5%.", name],
                _ => t["“{0}” must be a number, for example 12,5 (a comma before the decimals).", name],
            },
            EntryProblem.NotWholeNumber => t["“{0}” must be a whole number, without decimals.", name],
            EntryProblem.AmbiguousSeparator => t["“{0}”: it is unclear whether “{1}” means thousands or decimals. Put a comma before the decimals (for example 1,5) and no dot between thousands.", name, (input ?? "").Trim()],
            EntryProblem.NotYesNo => t["“{0}”: choose Yes or No.", name],
            EntryProblem.TooLong => t["“{0}” is longer than {1} characters.", name, IndicatorEntries.ShortTextMaxLength],
            EntryProblem.OutOfRange => t["“{0}” must be between {1} and {2}.", name, Number(indicator, IndicatorEntries.EffectiveMinimum(indicator)!.Value), Number(indicator, IndicatorEntries.EffectiveMaximum(indicator)!.Value)],
            EntryProblem.BelowMinimum => t["“{0}” may not be less than {1}.", name, Number(indicator, IndicatorEntries.EffectiveMinimum(indicator)!.Value)],
            EntryProblem.AboveMaximum => t["“{0}” may not be more than {1}.", name, Number(indicator, IndicatorEntries.EffectiveMaximum(indicator)!.Value)],
            EntryProblem.Required => t["Please enter “{0}”.", name],
            EntryProblem.UnknownIndicator => t["“{0}” is not an indicator of this report round.", name],
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
        return message.Value;
    }

    /// <summary>
    /// What the field takes, for the help text beside it: the kind and, for numbers, the allowed range
    /// ("Số nguyên, từ 0 đến 50", "Tỷ lệ %, từ 0% đến 100%", "Có hoặc Không", "Văn bản ngắn, tối đa 500 ký tự").
    /// </summary>
    public string Hint(IndicatorDefinition indicator)
    {
        string kind = indicator.Kind switch
        {
            IndicatorKind.WholeNumber => t["Whole number"],
            IndicatorKind.Percentage => t["Percentage"],
            IndicatorKind.Decimal => t["Number, with a comma before the decimals"],
            IndicatorKind.YesNo => t["Yes or No"],
            _ => t["Short text, at most {0} characters", IndicatorEntries.ShortTextMaxLength],
        };
        if (!IndicatorEntries.IsNumeric(indicator.Kind))
        {
            return kind;
        }

        var minimum = IndicatorEntries.EffectiveMinimum(indicator);
        var maximum = IndicatorEntries.EffectiveMaximum(indicator);
        string? range = (minimum, maximum) switch
        {
            ({ } low, { } high) => t["from {0} to {1}", Number(indicator, low), Number(indicator, high)].Value,
            ({ } low, null) => t["at least {0}", Number(indicator, low)].Value,
            (null, { } high) => t["at most {0}", Number(indicator, high)].Value,
            _ => null,
        };
        return range is null ? kind : kind + ", " + range;
    }

    /// <summary>
    /// A stored value as people read it (current culture, vi-VN in the app): 1.234, 12,5, 85%, Có/Không, the text; ""
    /// when empty. A stored value that no longer reads as its kind is shown as stored.
    /// </summary>
    public string Display(IndicatorDefinition indicator, string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return "";
        }

        return indicator.Kind switch
        {
            IndicatorKind.YesNo => IndicatorEntries.ReadYesNo(stored) switch
            {
                true => t["Yes"],
                false => t["No"],
                null => stored,
            },
            IndicatorKind.ShortText => stored,
            _ => IndicatorEntries.TryReadNumber(stored, out var number) ? Number(indicator, number) : stored,
        };
    }

    /// <summary>A number the Vietnamese way: dots between thousands, a comma before decimals, % for a percentage.</summary>
    public static string Number(IndicatorDefinition indicator, decimal number)
    {
        var text = number.ToString("#,##0.############", CultureInfo.CurrentCulture);
        return indicator.Kind == IndicatorKind.Percentage ? text + "%" : text;
    }
}
