using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// The filters of the statistics page as the query string carries them, so a view can be bookmarked and every
/// download repeats it: <c>tu</c> and <c>den</c> (the period, dates yyyy-MM-dd in the site's time zone, both days
/// included), <c>phong</c> (a district office's id), <c>loai</c> (a content type's name), <c>hang</c> and <c>cot</c>
/// (the rows and columns of the published items' table: loai, quan-huyen, don-vi, noi-dung, cap, nam-hoc).
/// </summary>
public sealed record StatisticsFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? DistrictId { get; init; }
    public string? ContentType { get; init; }
    public StatisticsDimension Rows { get; init; } = StatisticsDimension.District;
    public StatisticsDimension Columns { get; init; } = StatisticsDimension.Type;

    /// <summary>The problems found while reading the query (keys of the module's strings); the bad values are left out.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public static readonly IReadOnlyDictionary<StatisticsDimension, string> Slugs = new Dictionary<StatisticsDimension, string>
    {
        [StatisticsDimension.Type] = "loai",
        [StatisticsDimension.District] = "quan-huyen",
        [StatisticsDimension.Unit] = "don-vi",
        [StatisticsDimension.CriteriaGroup] = "noi-dung",
        [StatisticsDimension.Level] = "cap",
        [StatisticsDimension.SchoolYear] = "nam-hoc",
    };

    public static StatisticsFilter Parse(IQueryCollection query)
    {
        var problems = new List<string>();
        var from = Date(query["tu"], "The start date is not a date (yyyy-mm-dd); it was left out.", problems);
        var to = Date(query["den"], "The end date is not a date (yyyy-mm-dd); it was left out.", problems);
        if (from is not null && to is not null && to < from)
        {
            problems.Add("The end date is before the start date; the period was left out.");
            from = to = null;
        }

        var rows = Dimension(query["hang"], StatisticsDimension.District, problems);
        var columns = Dimension(query["cot"], StatisticsDimension.Type, problems);
        if (rows == columns)
        {
            columns = rows == StatisticsDimension.Type ? StatisticsDimension.District : StatisticsDimension.Type;
        }

        return new StatisticsFilter
        {
            From = from,
            To = to,
            DistrictId = Text(query["phong"]),
            ContentType = Text(query["loai"]),
            Rows = rows,
            Columns = columns,
            Problems = problems,
        };
    }

    /// <summary>The query string of this filter (without '?'), the parameters left empty omitted.</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(new(key, value));
            }
        }

        Add("tu", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("den", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("phong", DistrictId);
        Add("loai", ContentType);
        Add("hang", Slugs[Rows]);
        Add("cot", Slugs[Columns]);
        return QueryString.Create(parts).ToUriComponent().TrimStart('?');
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value, string problem, List<string> problems)
    {
        if (Text(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(problem);
        return null;
    }

    private static StatisticsDimension Dimension(string? value, StatisticsDimension fallback, List<string> problems)
    {
        if (Text(value) is not { } text)
        {
            return fallback;
        }

        foreach (var (dimension, slug) in Slugs)
        {
            if (slug == text)
            {
                return dimension;
            }
        }

        problems.Add("Unknown grouping; the default was used.");
        return fallback;
    }
}
