namespace ChuyenDe.Bench.Search;

/// <summary>
/// The reference: no index, a linear scan of the in-memory corpus for each query. Each item's title, summary, body and
/// attachment text is folded once (lower case, no tone marks); a query matches when every folded query word (or the
/// quoted phrase) is a substring, and the filters match. Matches are not ranked.
/// </summary>
internal sealed class NaiveScan
{
    private readonly IReadOnlyList<BenchItem> _items;
    private readonly string[] _haystacks;

    public NaiveScan(IReadOnlyList<BenchItem> items)
    {
        _items = items;
        _haystacks = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            _haystacks[i] = Text.Fold(string.Join('\n', item.Title, item.Summary, item.Body, item.AttachmentText ?? ""));
        }
    }

    public (int Total, IReadOnlyList<string> FirstPage) Search(BenchQuery query, int pageSize = 12)
    {
        var needles = Needles(query.Text);
        var matches = new List<int>();
        for (var i = 0; i < _items.Count; i++)
        {
            if (!FiltersMatch(_items[i], query))
            {
                continue;
            }

            var haystack = _haystacks[i];
            var all = true;
            foreach (var needle in needles)
            {
                if (!haystack.Contains(needle, StringComparison.Ordinal))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                matches.Add(i);
            }
        }

        if (query.Sort == QuerySort.Newest)
        {
            matches.Sort((a, b) => _items[b].PublishedUtc.CompareTo(_items[a].PublishedUtc));
        }

        return (matches.Count, matches.Take(pageSize).Select(i => _items[i].Id).ToList());
    }

    private static string[] Needles(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var folded = Text.Fold(text.Trim());
        if (folded.Length > 1 && folded[0] == '"' && folded[^1] == '"')
        {
            return [folded[1..^1]];
        }

        return folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool FiltersMatch(BenchItem item, BenchQuery query)
    {
        if (query.ExemplaryOnly && !item.Exemplary)
        {
            return false;
        }

        foreach (var (facet, values) in query.Filters)
        {
            var ok = facet switch
            {
                "type" => values.Contains(item.ContentType),
                "organization" => values.Contains(item.Organization.Id),
                "district" => values.Contains(item.Organization.DistrictId),
                _ => item.Terms.TryGetValue(facet, out var terms) && terms.Any(values.Contains),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
