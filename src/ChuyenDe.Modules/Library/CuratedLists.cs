using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// The lists of exemplary products and model sites: the published items of a type merged with the published items of
/// other types curated as such (<see cref="ICurationQuery"/>, implemented by Editorial; optional, so the site works
/// without it), newest first. A withdrawn curation is not listed. Shared by the list pages, the home page and the feeds.
/// </summary>
public sealed class CuratedLists(IContentQueryService queries, IEnumerable<ICurationQuery> curationQueries)
{
    private ICurationQuery? CurationQuery { get; } = curationQueries.FirstOrDefault();

    /// <summary>
    /// The first <paramref name="count"/> entries of the merged list and its total length; <paramref name="pageSize"/>
    /// is the size of the page being shown (reading stops once the page asked for is beyond the list).
    /// </summary>
    public async Task<(IReadOnlyList<CuratedEntry> Entries, int Total)> FirstAsync(
        string type, string kind, int count, int pageSize, CancellationToken ct)
    {
        var active = CurationQuery is { } curations ? await curations.ListActiveAsync(kind, ct) : [];
        var byItem = active.GroupBy(a => a.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CurationInfo>)g.ToList(), StringComparer.Ordinal);
        var extras = (await queries.GetPublishedAsync(byItem.Keys, ct))
            .Where(i => i.ContentType != type)
            .Select(i => new CuratedEntry(i, byItem[i.ContentItemId][0].CuratedUtc, byItem[i.ContentItemId]))
            .ToList();
        var own = new List<CuratedEntry>();
        var ownTotal = 0;
        for (var page = 1; ; page++)
        {
            var result = await queries.QueryAsync(new ContentQuery { ContentTypes = [type], Page = page, PageSize = 100 }, ct);
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

    /// <summary>The featured curations in their order, then the latest of the merged list (the home page's block).</summary>
    public async Task<IReadOnlyList<CuratedEntry>> FeaturedFirstAsync(string type, string kind, int count, CancellationToken ct)
    {
        var featured = CurationQuery is { } curations ? await curations.ListFeaturedAsync(kind, ct) : [];
        var published = (await queries.GetPublishedAsync(featured.Select(f => f.ContentItemId).Distinct(), ct))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var entries = featured.Where(f => published.ContainsKey(f.ContentItemId))
            .Select(f => new CuratedEntry(published[f.ContentItemId], f.CuratedUtc, [f]))
            .Take(count)
            .ToList();
        if (entries.Count < count)
        {
            var (latest, _) = await FirstAsync(type, kind, count, count, ct);
            entries.AddRange(latest.Where(e => entries.All(x => x.Item.ContentItemId != e.Item.ContentItemId)).Take(count - entries.Count));
        }

        return entries;
    }

    /// <summary>Item ids curated as <paramref name="kind"/> (active curations).</summary>
    public async Task<IReadOnlyList<string>> ActiveIdsAsync(string kind, CancellationToken ct)
        => CurationQuery is { } curations
            ? (await curations.ListActiveAsync(kind, ct)).Select(c => c.ContentItemId).Distinct().ToList()
            : [];
}
