using System.Collections.Concurrent;
using System.Text;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// What the public lists read of the published items — a page of a list (its item ids and total), the counts per type —
/// kept across requests as one value of the <see cref="Caching.ReferenceDataCache"/> under
/// <see cref="PublishedContentKeys.Lists"/>. The save of a version row or taxonomy index row that is or was published
/// drops the whole set (<see cref="PublishedContentKeys.OfListedVersion"/>, <see cref="PublishedContentKeys.OfListedTerm"/>),
/// so a publication, a new published version, an unpublication or a deletion is seen by the next request; the items
/// themselves come from the per-item keys (<see cref="PublishedContentKeys.Item"/>). Bounded: at most
/// <see cref="MaxEntries"/> pages and counts are kept per set, beyond that they are read and not kept.
/// </summary>
internal sealed class PublishedLists
{
    /// <summary>How many pages of lists (and counts) one set keeps at most.</summary>
    public const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);

    public T? Get<T>(string key)
        where T : class
        => _entries.TryGetValue(key, out var value) ? value as T : null;

    public void Add(string key, object value)
    {
        if (_entries.Count < MaxEntries)
        {
            _entries.TryAdd(key, value);
        }
    }

    /// <summary>
    /// Whether a query is a public list's (published items, filtered by type and terms only, in any order) — the
    /// queries kept here; anything about users or organisations is read from the database each time.
    /// </summary>
    public static bool IsPublicList(ContentQuery query)
        => !query.LatestInsteadOfPublished
           && query.Status is ContentStatusFilter.Any or ContentStatusFilter.Published
           && query.OrganizationIds is null
           && query.Owner is null
           && string.IsNullOrWhiteSpace(query.TitleContains);

    /// <summary>The key of a public list's page: types and terms in a canonical order, the order, the page and its size.</summary>
    public static string KeyOf(ContentQuery query, int page, int pageSize)
    {
        var key = new StringBuilder("list:");
        key.AppendJoin(',', query.ContentTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).Append(':');
        key.AppendJoin(';', query.TermGroups.Where(g => g.Count > 0)
            .Select(g => string.Join('|', g.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));
        key.Append(':').Append((int)query.Order).Append(':').Append(page).Append(':').Append(pageSize).Append(':').Append(query.CountTotal ? 'c' : 'n');
        return key.ToString();
    }

    /// <summary>The key of the counts of published items per type.</summary>
    public const string CountsByTypeKey = "counts-by-type";
}
