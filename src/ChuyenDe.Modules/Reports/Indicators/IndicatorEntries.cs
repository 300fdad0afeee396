using System.Globalization;
using System.Text;

namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>What is wrong with what a unit typed for an indicator (or with a whole set of answers).</summary>
public enum EntryProblem
{
    None,

    /// <summary>Not a number at all ("mười", "12a", "1,2,3").</summary>
    NotANumber,

    /// <summary>A number, but the indicator takes whole numbers ("12,5" schools).</summary>
    NotWholeNumber,

    /// <summary>A single dot followed by three digits in a decimal or a percentage: "1.234" may mean 1234 or 1,234.</summary>
    AmbiguousSeparator,

    /// <summary>Not one of Có/Không (and their usual spellings).</summary>
    NotYesNo,

    /// <summary>A short text longer than <see cref="IndicatorEntries.ShortTextMaxLength"/>.</summary>
    TooLong,

    /// <summary>Below the smallest allowed value (only a lower bound applies).</summary>
    BelowMinimum,

    /// <summary>Above the largest allowed value (only an upper bound applies).</summary>
    AboveMaximum,

    /// <summary>Outside a range with both bounds.</summary>
    OutOfRange,

    /// <summary>Empty where a value is required (a submission).</summary>
    Required,

    /// <summary>A key that is not an indicator of the round.</summary>
    UnknownIndicator,
}

/// <summary>
/// The outcome of reading one entry: the normalised value to store (null when the entry is empty or wrong) and the
/// problem, if any. Normalised values are invariant strings: <c>1234</c>, <c>12.5</c>, <c>85</c> (a percentage without
/// its sign), <c>true</c>/<c>false</c>, or the trimmed text.
/// </summary>
public readonly record struct ParsedEntry(string? Value, EntryProblem Problem)
{
    public bool IsEmpty => Value is null && Problem == EntryProblem.None;

    public bool IsValid => Problem == EntryProblem.None;
}

/// <summary>
/// Reads what Vietnamese users type into an indicator's field, without messages (see <see cref="IndicatorEntryValidator"/>
/// for those), and reads back the normalised values stored.
/// <list type="bullet">
/// <item>Spaces around are trimmed; an empty entry is empty, not zero.</item>
/// <item>The comma is the decimal separator (12,5). Dots or spaces (also non-breaking and thin ones) separate
/// thousands in groups of three (1.250, 1 250, 1.250,5). A single dot that cannot be a thousands separator is read as
/// a decimal point (12.5, 0.125), as people copying from English software write it; a single dot followed by exactly
/// three digits is thousands in a whole number and refused as ambiguous in a decimal or a percentage.</item>
/// <item>A percentage may end with % ("85%", "85,5 %"); its value is stored without the sign, 85 meaning 85 %.</item>
/// <item>Yes/no: Có, C, X, Đúng, Yes, True, 1 and Không, K, Sai, No, False, 0, in any case, with or without accents.</item>
/// <item>A short text is trimmed, its line breaks become spaces, and it may not exceed
/// <see cref="ShortTextMaxLength"/> characters.</item>
/// <item>Ranges: the indicator's <see cref="IndicatorDefinition.Minimum"/>/<see cref="IndicatorDefinition.Maximum"/>;
/// a percentage without them is 0–100.</item>
/// </list>
/// </summary>
public static class IndicatorEntries
{
    public const int ShortTextMaxLength = 500;

    public const string Yes = "true";

    public const string No = "false";

    private static readonly string[] YesWords = ["co", "c", "x", "dung", "yes", "y", "true", "1"];

    private static readonly string[] NoWords = ["khong", "k", "ko", "sai", "no", "n", "false", "0"];

    /// <summary>The smallest value the indicator allows, its own or its kind's (0 for a percentage); null = none.</summary>
    public static decimal? EffectiveMinimum(IndicatorDefinition indicator)
        => indicator.Minimum ?? (indicator.Kind == IndicatorKind.Percentage ? 0m : null);

    /// <summary>The largest value the indicator allows, its own or its kind's (100 for a percentage); null = none.</summary>
    public static decimal? EffectiveMaximum(IndicatorDefinition indicator)
        => indicator.Maximum ?? (indicator.Kind == IndicatorKind.Percentage ? 100m : null);

    public static bool IsNumeric(IndicatorKind kind) => kind is IndicatorKind.WholeNumber or IndicatorKind.Percentage or IndicatorKind.Decimal;

    /// <summary>Reads an entry as typed by a person.</summary>
    public static ParsedEntry Parse(IndicatorDefinition indicator, string? input)
    {
        var text = (input ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (text.Length == 0)
        {
            return new ParsedEntry(null, EntryProblem.None);
        }

        switch (indicator.Kind)
        {
            case IndicatorKind.ShortText:
                var single = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return single.Length > ShortTextMaxLength ? new ParsedEntry(null, EntryProblem.TooLong) : new ParsedEntry(single, EntryProblem.None);

            case IndicatorKind.YesNo:
                var word = Fold(text);
                return YesWords.Contains(word) ? new ParsedEntry(Yes, EntryProblem.None)
                    : NoWords.Contains(word) ? new ParsedEntry(No, EntryProblem.None)
                    : new ParsedEntry(null, EntryProblem.NotYesNo);

            default:
                if (indicator.Kind == IndicatorKind.Percentage && text.EndsWith('%'))
                {
                    text = text[..^1].TrimEnd();
                }

                var problem = TryParseNumber(text, indicator.Kind == IndicatorKind.WholeNumber, out var number);
                if (problem != EntryProblem.None)
                {
                    return new ParsedEntry(null, problem);
                }

                if (indicator.Kind == IndicatorKind.WholeNumber && number != decimal.Truncate(number))
                {
                    return new ParsedEntry(null, EntryProblem.NotWholeNumber);
                }

                var range = CheckRange(indicator, number);
                return range != EntryProblem.None ? new ParsedEntry(null, range) : new ParsedEntry(Normalise(number), EntryProblem.None);
        }
    }

    /// <summary>Whether a number is within the indicator's effective range, and which bound it breaks if not.</summary>
    public static EntryProblem CheckRange(IndicatorDefinition indicator, decimal number)
    {
        var minimum = EffectiveMinimum(indicator);
        var maximum = EffectiveMaximum(indicator);
        if ((minimum is { } low && number < low) || (maximum is { } high && number > high))
        {
            return minimum is not null && maximum is not null ? EntryProblem.OutOfRange
                : minimum is not null ? EntryProblem.BelowMinimum : EntryProblem.AboveMaximum;
        }

        return EntryProblem.None;
    }

    /// <summary>The invariant form stored: no thousands separators, a dot before decimals, no trailing zeros.</summary>
    public static string Normalise(decimal number)
    {
        var text = number.ToString("0.############################", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Reads back a stored number (invariant); false for empty or anything else.</summary>
    public static bool TryReadNumber(string? stored, out decimal number)
        => decimal.TryParse(stored, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    /// <summary>Reads back a stored yes/no; null for empty or anything else.</summary>
    public static bool? ReadYesNo(string? stored) => stored switch
    {
        Yes => true,
        No => false,
        _ => null,
    };

    /// <summary>
    /// Reads a number written with Vietnamese separators (see the class summary). <paramref name="wholeNumber"/> makes a
    /// single dot followed by three digits a thousands separator instead of an ambiguity.
    /// </summary>
    public static EntryProblem TryParseNumber(string text, bool wholeNumber, out decimal number)
    {
        number = 0;
        var body = text.Trim();
        var negative = false;
        if (body.Length > 0 && body[0] is '-' or '+' or '\u2212')
        {
            negative = body[0] != '+';
            body = body[1..].TrimStart();
        }

        if (body.Length == 0 || !body.All(c => char.IsAsciiDigit(c) || c is '.' or ',' || IsSpace(c)) || !char.IsAsciiDigit(body[0]))
        {
            return EntryProblem.NotANumber;
        }

        string integerPart;
        var fraction = "";
        var commas = body.Count(c => c == ',');
        var dots = body.Count(c => c == '.');
        if (commas > 1)
        {
            return EntryProblem.NotANumber;
        }

        if (commas == 1)
        {
            var at = body.IndexOf(',', StringComparison.Ordinal);
            integerPart = body[..at];
            fraction = body[(at + 1)..];
        }
        else if (dots == 1)
        {
            var at = body.IndexOf('.', StringComparison.Ordinal);
            var before = body[..at];
            var after = body[(at + 1)..];
            var couldBeThousands = after.Length == 3 && after.All(char.IsAsciiDigit) && IsFirstGroup(before);
            if (couldBeThousands && wholeNumber)
            {
                integerPart = body;
            }
            else if (couldBeThousands)
            {
                return EntryProblem.AmbiguousSeparator;
            }
            else
            {
                integerPart = before;
                fraction = after;
            }
        }
        else
        {
            integerPart = body;
        }

        if (!fraction.All(char.IsAsciiDigit) || (commas == 1 && fraction.Length == 0) || (dots == 1 && commas == 0 && fraction.Length == 0 && integerPart != body))
        {
            return EntryProblem.NotANumber;
        }

        var digits = IntegerDigits(integerPart);
        if (digits is null)
        {
            return EntryProblem.NotANumber;
        }

        var invariant = fraction.Length > 0 ? digits + "." + fraction : digits;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return EntryProblem.NotANumber;
        }

        number = negative ? -number : number;
        return EntryProblem.None;
    }

    /// <summary>The digits of an integer part whose thousands may be separated by dots or by spaces (not both); null if the grouping is wrong.</summary>
    private static string? IntegerDigits(string integerPart)
    {
        var part = integerPart.Trim();
        if (part.Length == 0)
        {
            return null;
        }

        if (part.All(char.IsAsciiDigit))
        {
            return part;
        }

        var byDots = part.Contains('.', StringComparison.Ordinal);
        var bySpaces = part.Any(IsSpace);
        if (byDots && bySpaces)
        {
            return null;
        }

        var groups = byDots ? part.Split('.') : part.Split(IsSpaceChars, StringSplitOptions.None);
        if (!IsFirstGroup(groups[0]) || groups.Skip(1).Any(g => g.Length != 3 || !g.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return string.Concat(groups);
    }

    private static readonly char[] IsSpaceChars = [' ', '\u00A0', '\u202F', '\u2009'];

    private static bool IsSpace(char c) => IsSpaceChars.Contains(c);

    /// <summary>1–3 digits not starting with 0: what can lead thousands groups (so 0.125 is a decimal).</summary>
    private static bool IsFirstGroup(string group)
        => group.Length is >= 1 and <= 3 && group.All(char.IsAsciiDigit) && group[0] != '0';

    /// <summary>Lower case without accents (đ → d), for comparing yes/no words.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c == 'đ' ? 'd' : c);
            }
        }

        return builder.ToString().Trim().TrimEnd('.');
    }
}
