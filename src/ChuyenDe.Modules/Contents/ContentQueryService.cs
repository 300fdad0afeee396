using ChuyenDe.Modules.Caching;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The read side. Published items by route and by id are kept across requests in the <see cref="ReferenceDataCache"/>
/// (keys <see cref="PublishedContentKeys"/>, dropped by the save that changes their rows), so an item page makes no
/// database round trip for them in steady state. The public lists' pages (<see cref="QueryPublishedAsync"/>) and the
/// counts per type are kept as one set (<see cref="PublishedLists"/>); other lists and counts are read from the database.
/// </summary>
internal sealed class ContentQueryService(DbContext db, ReferenceDataCache cache) : IContentQueryService
{
    public async Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken ct = default)
    {
        var (versions, total, page, pageSize) = await PageAsync(query, ct);
        var records = await versions.ToListAsync(ct);
        return new ContentPage(records.Select(ContentManager.ToItem).ToList(), total >= 0 ? total : ((page - 1) * pageSize) + records.Count, page, pageSize);
    }

    public async Task<ContentPage> QueryPublishedAsync(ContentQuery query, CancellationToken ct = default)
    {
        if (!PublishedLists.IsPublicList(query))
        {
            return await QueryAsync(query, ct);
        }

        var lists = await ListsAsync(ct);
        var key = PublishedLists.KeyOf(query, PageOf(query), PageSizeOf(query));
        var kept = lists.Get<ListPage>(key);
        if (kept is null)
        {
            var (versions, total, page, pageSize) = await PageAsync(query, ct);
            var ids = await versions.Select(r => r.ContentItemId).ToListAsync(ct);
            kept = new ListPage(ids, total >= 0 ? total : ((page - 1) * pageSize) + ids.Count, page, pageSize);
            lists.Add(key, kept);
        }

        return new ContentPage(await GetPublishedAsync(kept.Ids, ct), kept.Total, kept.Page, kept.PageSize);
    }

    /// <summary>
    /// The set of kept list pages, read after any change of what is published was committed (a page read into a set
    /// that a change dropped meanwhile is not seen by later requests).
    /// </summary>
    private Task<PublishedLists> ListsAsync(CancellationToken ct)
        => cache.GetOrLoadAsync(db, PublishedContentKeys.Lists, _ => Task.FromResult(new PublishedLists()), ct);

    private static int PageSizeOf(ContentQuery query) => Math.Clamp(query.PageSize, 1, 100);

    private static int PageOf(ContentQuery query) => Math.Clamp(query.Page, 1, 100_000);

    /// <summary>The ordered rows of the query's page, the total (-1 when not counted), the page and its size.</summary>
    private async Task<(IQueryable<ContentItemVersionRecord> Versions, int Total, int Page, int PageSize)> PageAsync(ContentQuery query, CancellationToken ct)
    {
        var versions = db.Set<ContentItemVersionRecord>().AsNoTracking();
        versions = query.LatestInsteadOfPublished ? versions.Where(r => r.Latest) : versions.Where(r => r.Published);
        if (query.ContentTypes.Count > 0)
        {
            var types = query.ContentTypes.ToList();
            versions = versions.Where(r => types.Contains(r.ContentType));
        }

        if (query.OrganizationIds is not null)
        {
            var organizations = query.OrganizationIds.ToList();
            versions = query.IncludeWithoutOrganization
                ? versions.Where(r => r.OrganizationId == null || organizations.Contains(r.OrganizationId))
                : versions.Where(r => r.OrganizationId != null && organizations.Contains(r.OrganizationId));
        }

        if (query.Owner is not null)
        {
            versions = versions.Where(r => r.Owner == query.Owner);
        }

        versions = query.Status switch
        {
            ContentStatusFilter.Draft => versions.Where(r => !r.Published),
            ContentStatusFilter.Published => versions.Where(r => r.Published),
            _ => versions,
        };

        if (!string.IsNullOrWhiteSpace(query.TitleContains))
        {
            // Folded on both sides: "doi moi" and "Đổi mới" find "Đổi mới giờ ăn" on SQLite and PostgreSQL alike.
            var text = Slugs.Fold(query.TitleContains.Trim());
            versions = versions.Where(r => r.DisplayTextFolded.Contains(text));
        }

        var terms = db.Set<ContentTaxonomyRecord>().AsNoTracking();
        foreach (var group in query.TermGroups.Where(g => g.Count > 0))
        {
            var ids = group.ToList();
            versions = query.LatestInsteadOfPublished
                ? versions.Where(r => terms.Any(t => t.ContentItemVersionId == r.ContentItemVersionId && t.Latest && ids.Contains(t.TermContentItemId)))
                : versions.Where(r => terms.Any(t => t.ContentItemVersionId == r.ContentItemVersionId && t.Published && ids.Contains(t.TermContentItemId)));
        }

        var total = query.CountTotal ? await versions.CountAsync(ct) : -1;
        versions = query.Order switch
        {
            ContentOrder.PublishedOldest => versions.OrderBy(r => r.PublishedUtc).ThenBy(r => r.Id),
            ContentOrder.ModifiedNewest => versions.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id),
            ContentOrder.Title => versions.OrderBy(r => r.DisplayText).ThenBy(r => r.Id),
            _ => versions.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id),
        };
        var pageSize = PageSizeOf(query);
        var page = PageOf(query);
        return (versions.Skip((page - 1) * pageSize).Take(pageSize), total, page, pageSize);
    }

    public async Task<(int Drafts, int Published)> CountByStatusAsync(ContentQuery query, CancellationToken ct = default)
    {
        var drafts = await QueryAsync(query with { LatestInsteadOfPublished = true, Status = ContentStatusFilter.Draft, PageSize = 1 }, ct);
        var published = await QueryAsync(query with { LatestInsteadOfPublished = true, Status = ContentStatusFilter.Published, PageSize = 1 }, ct);
        return (drafts.Total, published.Total);
    }

    public async Task<ContentItem?> GetPublishedByPathAsync(string path, CancellationToken ct = default)
    {
        var normalized = path.Trim('/').ToLowerInvariant();

        // An address with no published route is kept too (as NoRoute), under the same key: the save that adds, publishes
        // or moves a route to it drops the key (PublishedContentKeys.OfRoute). A 404 then costs no query; what addresses
        // nobody published take is bounded by the cache's size and lifetime (ReferenceDataCache.MaxEntries, Lifetime).
        var key = PublishedContentKeys.Path(normalized);
        var route = cache.TryGet<RouteTarget>(db, key);
        if (route is null)
        {
            var generation = cache.Generation(key);
            route = await db.Set<ContentRouteRecord>().AsNoTracking()
                .Where(r => r.Path == normalized && r.Published)
                .Select(r => new RouteTarget(r.ContentItemId, r.ContentItemVersionId))
                .FirstOrDefaultAsync(ct) ?? RouteTarget.NoRoute;
            cache.Keep(db, key, route, generation);
        }

        if (ReferenceEquals(route, RouteTarget.NoRoute))
        {
            return null;
        }

        var item = (await GetPublishedAsync([route.ContentItemId], ct)).FirstOrDefault();

        // The route row and the version rows are cached apart: both must name the same published version.
        if (item is not null && item.ContentItemVersionId == route.ContentItemVersionId)
        {
            return item;
        }

        var record = await db.Set<ContentItemVersionRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ContentItemVersionId == route.ContentItemVersionId && r.Published, ct);
        return record is null ? null : ContentManager.ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> GetPublishedAsync(IEnumerable<string> contentItemIds, CancellationToken ct = default)
    {
        var ids = contentItemIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var found = new Dictionary<string, ContentItem>(ids.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var id in ids)
        {
            if (cache.TryGet<PublishedVersion>(db, PublishedContentKeys.Item(id)) is { } kept)
            {
                if (kept.Item is { } item)
                {
                    found[id] = item;
                }
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is not null)
        {
            // One query for all the items not kept; each is kept apart (an item not published too, as "none").
            var generations = missing.ToDictionary(id => id, id => cache.Generation(PublishedContentKeys.Item(id)), StringComparer.Ordinal);
            var records = await db.Set<ContentItemVersionRecord>().AsNoTracking()
                .Where(r => r.Published && missing.Contains(r.ContentItemId)).ToListAsync(ct);
            var loaded = records.ToDictionary(r => r.ContentItemId, r => PublishedContentKeys.Shareable(ContentManager.ToItem(r)), StringComparer.Ordinal);
            foreach (var id in missing)
            {
                var item = loaded.GetValueOrDefault(id);
                cache.Keep(db, PublishedContentKeys.Item(id), new PublishedVersion(item), generations[id]);
                if (item is not null)
                {
                    found[id] = item;
                }
            }
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public Task<int> CountPublishedRoutesAsync(CancellationToken ct = default)
        => db.Set<ContentRouteRecord>().AsNoTracking().CountAsync(r => r.Published, ct);

    public async Task<IReadOnlyList<PublishedRoute>> ListPublishedRoutesAsync(int skip, int take, CancellationToken ct = default)
        => await (from route in db.Set<ContentRouteRecord>().AsNoTracking()
                  where route.Published
                  join version in db.Set<ContentItemVersionRecord>().AsNoTracking() on route.ContentItemVersionId equals version.ContentItemVersionId
                  where version.Published
                  orderby route.Id
                  select new PublishedRoute(route.Path, version.ModifiedUtc))
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 0, 50_000)).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<string, int>> CountPublishedByTypeAsync(CancellationToken ct = default)
    {
        var lists = await ListsAsync(ct);
        if (lists.Get<IReadOnlyDictionary<string, int>>(PublishedLists.CountsByTypeKey) is { } kept)
        {
            return kept;
        }

        IReadOnlyDictionary<string, int> counts = await db.Set<ContentItemVersionRecord>().AsNoTracking().Where(r => r.Published)
            .GroupBy(r => r.ContentType).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
        lists.Add(PublishedLists.CountsByTypeKey, counts);
        return counts;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountPublishedByTermAsync(IReadOnlyCollection<string> contentTypes, CancellationToken ct = default)
    {
        var types = contentTypes.ToList();
        return await db.Set<ContentTaxonomyRecord>().AsNoTracking()
            .Where(t => t.Published && (types.Count == 0 || types.Contains(t.ContentType)))
            .GroupBy(t => t.TermContentItemId).Select(g => new { g.Key, Count = g.Select(t => t.ContentItemId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>A kept page of a public list: its items' ids in order, the total, the page and its size.</summary>
    private sealed record ListPage(IReadOnlyList<string> Ids, int Total, int Page, int PageSize);

    private sealed record RouteTarget(string ContentItemId, string ContentItemVersionId)
    {
        /// <summary>No published route at the address (compared by reference).</summary>
        public static readonly RouteTarget NoRoute = new(string.Empty, string.Empty);
    }

    /// <summary>What is kept of an item: its published version, or none.</summary>
    private sealed record PublishedVersion(ContentItem? Item);
}
