using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// The repository's records as one stream ordered by datestamp and id (ordinal): the published items of the harvested
/// types (<see cref="IPublishedItemStream"/>) merged with the tombstones. A page starts strictly after a position, so
/// records stamped later (published or deleted during a harvest) come at the end.
/// </summary>
internal sealed class OaiRecordSource(IPublishedItemStream stream, IContentQueryService queries, DbContext db)
{
    private string BinaryCollation => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "C" : "BINARY";

    /// <summary>Up to <paramref name="size"/> headers after the position, and whether more follow.</summary>
    public async Task<(IReadOnlyList<OaiHeader> Headers, bool More)> PageAsync(OaiListQuery query, DateTime? afterUtc, string? afterId, int size,
        CancellationToken ct)
    {
        var live = await stream.ListAsync(Live(query), afterUtc, afterId, size + 1, ct);
        var tombstones = Tombstones(query);
        if (afterUtc is { } after)
        {
            var id = afterId ?? "";
            var collation = BinaryCollation;
            tombstones = tombstones.Where(t => t.DeletedUtc > after
                || (t.DeletedUtc == after && string.Compare(EF.Functions.Collate(t.ContentItemId, collation), id) > 0));
        }

        var collationOrder = BinaryCollation;
        var deleted = await tombstones.OrderBy(t => t.DeletedUtc).ThenBy(t => EF.Functions.Collate(t.ContentItemId, collationOrder))
            .Take(size + 1).ToListAsync(ct);
        var merged = live.Select(h => new OaiHeader(h.ContentItemId, h.ContentType, h.PublishedUtc, false, []))
            .Concat(deleted.Select(ToHeader))
            .OrderBy(h => h.DatestampUtc).ThenBy(h => h.ContentItemId, StringComparer.Ordinal)
            .ToList();
        return (merged.Take(size).ToList(), merged.Count > size);
    }

    public async Task<int> CountAsync(OaiListQuery query, CancellationToken ct)
        => await stream.CountAsync(Live(query), ct) + await Tombstones(query).CountAsync(ct);

    /// <summary>The earliest datestamp of any record, or null when the repository holds none.</summary>
    public async Task<DateTime?> EarliestAsync(CancellationToken ct)
    {
        var live = await stream.EarliestAsync(HarvestedTypes.All, ct);
        var deleted = await db.Set<OaiTombstone>().AsNoTracking().MinAsync(t => (DateTime?)t.DeletedUtc, ct);
        DateTime? earliest = live is null ? deleted : deleted is null ? live : (live < deleted ? live : deleted);
        return earliest is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null;
    }

    /// <summary>The header of an item (published, or a tombstone) and the item when published; null when the repository has no such record.</summary>
    public async Task<(OaiHeader Header, ContentItem? Item)?> FindAsync(string contentItemId, CancellationToken ct)
    {
        var item = (await queries.GetPublishedAsync([contentItemId], ct)).FirstOrDefault();
        if (item is not null && HarvestedTypes.Contains(item.ContentType) && item.PublishedUtc is { } published)
        {
            return (new OaiHeader(item.ContentItemId, item.ContentType, DateTime.SpecifyKind(published, DateTimeKind.Utc), false, []), item);
        }

        var tombstone = await db.Set<OaiTombstone>().AsNoTracking().FirstOrDefaultAsync(t => t.ContentItemId == contentItemId, ct);
        return tombstone is null ? null : (ToHeader(tombstone), null);
    }

    private static PublishedStreamQuery Live(OaiListQuery query)
        => new(query.Set?.Types ?? HarvestedTypes.All, query.FromUtc, query.BeforeUtc, query.Set?.OrganizationIds, query.Set?.TermIds);

    private IQueryable<OaiTombstone> Tombstones(OaiListQuery query)
    {
        var rows = db.Set<OaiTombstone>().AsNoTracking();
        if (query.FromUtc is { } from)
        {
            rows = rows.Where(t => t.DeletedUtc >= from);
        }

        if (query.BeforeUtc is { } before)
        {
            rows = rows.Where(t => t.DeletedUtc < before);
        }

        if (query.Set is { } set)
        {
            var exact = " " + set.Spec + " ";
            var below = " " + set.Spec + ":";
            rows = rows.Where(t => t.SetSpecs.Contains(exact) || t.SetSpecs.Contains(below));
        }

        return rows;
    }

    private static OaiHeader ToHeader(OaiTombstone t)
        => new(t.ContentItemId, t.ContentType, DateTime.SpecifyKind(t.DeletedUtc, DateTimeKind.Utc), true,
            t.SetSpecs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
