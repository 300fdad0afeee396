using System.Globalization;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.StructuredData;

/// <summary>
/// The schema.org <c>typicalAgeRange</c> ("3-6") of the age groups an item chooses. Each term gives its range by its
/// stable code (<c>Under3</c> → 0–3, <c>Age3To4</c> → 3–4), else by its title ("Mẫu giáo bé (3–4 tuổi)", "Nhà trẻ
/// (dưới 3 tuổi)"), else by its id (<c>age-4-5</c>); terms that say no age are left out. Several groups give one range
/// from the youngest to the oldest.
/// </summary>
public static partial class AgeRanges
{
    public static (int From, int To)? Of(TaxonomyTerm term)
        => FromCode(term.Code) ?? FromTitle(term.Title) ?? FromId(term.ContentItemId);

    /// <summary>The range covering all the terms, or null when none says an age.</summary>
    public static string? Range(IEnumerable<TaxonomyTerm> terms)
    {
        var ranges = terms.Select(Of).OfType<(int From, int To)>().ToList();
        return ranges.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{ranges.Min(r => r.From)}-{ranges.Max(r => r.To)}");
    }

    private static (int, int)? FromCode(string? code)
    {
        if (code is null)
        {
            return null;
        }

        if (CodeRange().Match(code) is { Success: true } range)
        {
            return Ordered(range.Groups[1].Value, range.Groups[2].Value);
        }

        return CodeUnder().Match(code) is { Success: true } under ? (0, int.Parse(under.Groups[1].Value, CultureInfo.InvariantCulture)) : null;
    }

    private static (int, int)? FromTitle(string title)
    {
        if (TitleRange().Match(title) is { Success: true } range)
        {
            return Ordered(range.Groups[1].Value, range.Groups[2].Value);
        }

        return TitleUnder().Match(title) is { Success: true } under ? (0, int.Parse(under.Groups[1].Value, CultureInfo.InvariantCulture)) : null;
    }

    private static (int, int)? FromId(string id)
        => IdRange().Match(id) is { Success: true } range ? Ordered(range.Groups[1].Value, range.Groups[2].Value) : null;

    private static (int, int)? Ordered(string a, string b)
    {
        var from = int.Parse(a, CultureInfo.InvariantCulture);
        var to = int.Parse(b, CultureInfo.InvariantCulture);
        return from <= to && to <= 18 ? (from, to) : null;
    }

    [GeneratedRegex(@"^Age(\d{1,2})To(\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeRange();

    [GeneratedRegex(@"^Under(\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeUnder();

    [GeneratedRegex(@"(\d{1,2})\s*[–—-]\s*(\d{1,2})\s*tuổi", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleRange();

    [GeneratedRegex(@"dưới\s*(\d{1,2})\s*tuổi", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleUnder();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})-(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRange();
}
