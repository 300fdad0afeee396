using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// The lists of exemplary products and model sites: the published items of a type merged with the published items of
/// other types curated as such (<see cref="ICurationQuery"/>, implemented by Editorial; optional, so the site works
/// without it), newest first. A withdrawn curation is not listed. Shared by the list pages, the home page and the feeds.
/// </summary>
public sealed class CuratedLists(
    IContentQueryService queries,
    IEnumerable<ICurationQuery> curationQueries,
    IContentDefinitionManager definitions,
    IContentKindRules kinds)
{
    private ICurationQuery? CurationQuery { get; } = curationQueries.FirstOrDefault();

    // Read once per request (the home page shows each kind in a block and in its counts).
    private readonly Dictionary<string, IReadOnlyList<CurationInfo>> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, ContentItem>> _published = new(StringComparer.Ordinal);

    private async Task<IReadOnlyList<CurationInfo>> ActiveAsync(string kind, CancellationToken ct)
    {
        if (!_active.TryGetValue(kind, out var active))
        {
            _active[kind] = active = CurationQuery is { } curations ? await curations.ListActiveAsync(kind, ct) : [];
        }

        return active;
    }

    /// <summary>
    /// Reads the active curations of <paramref name="kinds"/> and their published items in two round trips (instead of
    /// two per kind), for a page that shows several kinds (the home page).
    /// </summary>
    public async Task PreloadAsync(IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        var missing = kinds.Where(k => !_active.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 || CurationQuery is not { } curations)
        {
            return;
        }

        var active = await curations.ListActiveAsync(missing, ct);
        var items = (await queries.GetPublishedAsync(active.Select(a => a.ContentItemId), ct))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        foreach (var kind in missing)
        {
            var ofKind = active.Where(a => a.Kind == kind).ToList();
            _active[kind] = ofKind;
            _published[kind] = ofKind.Select(a => a.ContentItemId).Distinct(StringComparer.Ordinal)
                .Where(items.ContainsKey).ToDictionary(id => id, id => items[id], StringComparer.Ordinal);
        }
    }

    /// <summary>The published items curated as <paramref name="kind"/> (featured ones among them), read once.</summary>
    private async Task<IReadOnlyDictionary<string, ContentItem>> PublishedCuratedAsync(string kind, CancellationToken ct)
    {
        if (!_published.TryGetValue(kind, out var published))
        {
            var ids = (await ActiveAsync(kind, ct)).Select(a => a.ContentItemId).Distinct().ToList();
            _published[kind] = published = ids.Count == 0
                ? new Dictionary<string, ContentItem>(StringComparer.Ordinal)
                : (await queries.GetPublishedAsync(ids, ct)).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        }

        return published;
    }

    /// <summary>The published items of other types than <paramref name="type"/> curated as <paramref name="kind"/>, in the order read.</summary>
    private async Task<IReadOnlyList<CuratedEntry>> ExtrasAsync(string type, string kind, CancellationToken ct)
    {
        var byItem = (await ActiveAsync(kind, ct)).GroupBy(a => a.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CurationInfo>)g.ToList(), StringComparer.Ordinal);
        var published = await PublishedCuratedAsync(kind, ct);
        return byItem.Keys.Where(published.ContainsKey).Select(id => published[id])
            .Where(i => i.ContentType != type)
            .Select(i => new CuratedEntry(i, byItem[i.ContentItemId][0].CuratedUtc, byItem[i.ContentItemId]))
            .ToList();
    }

    /// <summary>How many published items of other types are curated as <paramref name="kind"/> (the home page's counts).</summary>
    public async Task<int> ExtraCountAsync(string type, string kind, CancellationToken ct)
        => (await ExtrasAsync(type, kind, ct)).Count;

    /// <summary>
    /// The first <paramref name="count"/> entries of the merged list and its total length; <paramref name="pageSize"/>
    /// is the size of the page being shown (reading stops once the page asked for is beyond the list).
    /// </summary>
    public Task<(IReadOnlyList<CuratedEntry> Entries, int Total)> FirstAsync(
        string type, string kind, int count, int pageSize, CancellationToken ct)
        => FirstAsync(type, kind, count, pageSize, [], ct);

    /// <summary>
    /// As <see cref="FirstAsync(string, string, int, int, CancellationToken)"/>, only the items that choose a term of every
    /// group of <paramref name="termGroups"/> (the list's filters), whatever field of theirs chooses it.
    /// </summary>
    public async Task<(IReadOnlyList<CuratedEntry> Entries, int Total)> FirstAsync(
        string type, string kind, int count, int pageSize, IReadOnlyCollection<IReadOnlyCollection<string>> termGroups, CancellationToken ct)
    {
        var active = await ActiveAsync(kind, ct);
        var byItem = active.GroupBy(a => a.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CurationInfo>)g.ToList(), StringComparer.Ordinal);
        var extras = await ExtrasAsync(type, kind, ct);
        if (termGroups.Any(g => g.Count > 0))
        {
            var matching = new List<CuratedEntry>();
            foreach (var extra in extras)
            {
                if (await ChoosesAsync(extra.Item, termGroups, ct))
                {
                    matching.Add(extra);
                }
            }

            extras = matching;
        }

        var own = new List<CuratedEntry>();
        var ownTotal = 0;
        for (var page = 1; ; page++)
        {
            var result = await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [type], Page = page, PageSize = 100, TermGroups = termGroups }, ct);
            ownTotal = result.Total;
            own.AddRange(result.Items.Select(i => new CuratedEntry(i, i.PublishedUtc ?? DateTime.MinValue, byItem.GetValueOrDefault(i.ContentItemId) ?? [])));
            if (own.Count >= count || page >= result.PageCount || count - pageSize >= ownTotal + extras.Count)
            {
                break;
            }
        }

        var merged = own.Concat(extras).OrderByDescending(e => e.Date).Take(count).ToList();
        return (merged, ownTotal + extras.Count);
    }

    /// <summary>Whether the item's fields choose a term of every group.</summary>
    private async Task<bool> ChoosesAsync(ContentItem item, IReadOnlyCollection<IReadOnlyCollection<string>> termGroups, CancellationToken ct)
    {
        if (await definitions.GetTypeDefinitionAsync(item.ContentType, ct) is not { } definition)
        {
            return false;
        }

        var chosen = kinds.TermsOf(item, definition).SelectMany(t => t.Terms.TermContentItemIds).ToHashSet(StringComparer.Ordinal);
        return termGroups.Where(g => g.Count > 0).All(g => g.Any(chosen.Contains));
    }

    /// <summary>The featured curations in their order, then the latest of the merged list (the home page's block).</summary>
    public async Task<IReadOnlyList<CuratedEntry>> FeaturedFirstAsync(string type, string kind, int count, CancellationToken ct)
    {
        // The featured ones are the active ones with a featured order (ICurationQuery.ListFeaturedAsync's order), read once.
        var featured = (await ActiveAsync(kind, ct)).Where(c => c.FeaturedOrder is not null)
            .OrderBy(c => c.FeaturedOrder).ThenBy(c => c.Id).ToList();
        var published = await PublishedCuratedAsync(kind, ct);
        var entries = featured.Where(f => published.ContainsKey(f.ContentItemId))
            .Select(f => new CuratedEntry(published[f.ContentItemId], f.CuratedUtc, [f]))
            .Take(count)
            .ToList();
        if (entries.Count < count)
        {
            var latest = await LatestAsync(type, kind, count, ct);
            entries.AddRange(latest.Where(e => entries.All(x => x.Item.ContentItemId != e.Item.ContentItemId)).Take(count - entries.Count));
        }

        return entries;
    }

    /// <summary>
    /// The first <paramref name="count"/> entries of the merged list, as <see cref="FirstAsync"/> with a page of that size,
    /// without counting the list (one round trip for the type's items).
    /// </summary>
    private async Task<IReadOnlyList<CuratedEntry>> LatestAsync(string type, string kind, int count, CancellationToken ct)
    {
        var byItem = (await ActiveAsync(kind, ct)).GroupBy(a => a.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CurationInfo>)g.ToList(), StringComparer.Ordinal);
        var extras = await ExtrasAsync(type, kind, ct);
        var own = (await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [type], PageSize = count, CountTotal = false }, ct)).Items
            .Select(i => new CuratedEntry(i, i.PublishedUtc ?? DateTime.MinValue, byItem.GetValueOrDefault(i.ContentItemId) ?? []));
        return own.Concat(extras).OrderByDescending(e => e.Date).Take(count).ToList();
    }

    /// <summary>Item ids curated as <paramref name="kind"/> (active curations).</summary>
    public async Task<IReadOnlyList<string>> ActiveIdsAsync(string kind, CancellationToken ct)
        => (await ActiveAsync(kind, ct)).Select(c => c.ContentItemId).Distinct().ToList();
}
