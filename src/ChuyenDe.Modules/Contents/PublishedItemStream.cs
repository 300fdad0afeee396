using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

internal sealed class PublishedItemStream(DbContext db) : IPublishedItemStream
{
    /// <summary>The binary collation of the provider, so ids compare in the database as <see cref="StringComparer.Ordinal"/> does.</summary>
    private string BinaryCollation => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "C" : "BINARY";

    public async Task<IReadOnlyList<PublishedItemHead>> ListAsync(PublishedStreamQuery query, DateTime? afterUtc, string? afterId, int take,
        CancellationToken ct = default)
    {
        var rows = Select(query);
        if (afterUtc is { } after)
        {
            var id = afterId ?? "";
            var collation = BinaryCollation;
            rows = rows.Where(r => r.PublishedUtc > after
                || (r.PublishedUtc == after && string.Compare(EF.Functions.Collate(r.ContentItemId, collation), id) > 0));
        }

        var collationOrder = BinaryCollation;
        var heads = await rows
            .OrderBy(r => r.PublishedUtc).ThenBy(r => EF.Functions.Collate(r.ContentItemId, collationOrder))
            .Take(Math.Max(take, 0))
            .Select(r => new { r.ContentItemId, r.ContentType, r.OrganizationId, r.PublishedUtc })
            .ToListAsync(ct);
        return heads.Select(h => new PublishedItemHead(h.ContentItemId, h.ContentType, h.OrganizationId,
            DateTime.SpecifyKind(h.PublishedUtc ?? DateTime.MinValue, DateTimeKind.Utc))).ToList();
    }

    public Task<int> CountAsync(PublishedStreamQuery query, CancellationToken ct = default) => Select(query).CountAsync(ct);

    public async Task<DateTime?> EarliestAsync(IReadOnlyCollection<string> types, CancellationToken ct = default)
    {
        var earliest = await Select(new PublishedStreamQuery(types)).MinAsync(r => r.PublishedUtc, ct);
        return earliest is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null;
    }

    public Task<bool> WasEverPublishedAsync(string contentItemId, CancellationToken ct = default)
        => db.Set<ContentItemVersionRecord>().AnyAsync(r => r.ContentItemId == contentItemId && r.PublishedUtc != null, ct);

    private IQueryable<ContentItemVersionRecord> Select(PublishedStreamQuery query)
    {
        var types = query.Types.ToList();
        var rows = db.Set<ContentItemVersionRecord>().AsNoTracking()
            .Where(r => r.Published && r.PublishedUtc != null && types.Contains(r.ContentType));
        if (query.FromUtc is { } from)
        {
            rows = rows.Where(r => r.PublishedUtc >= from);
        }

        if (query.BeforeUtc is { } before)
        {
            rows = rows.Where(r => r.PublishedUtc < before);
        }

        if (query.OrganizationIds is { } organizations)
        {
            var ids = organizations.ToList();
            rows = rows.Where(r => r.OrganizationId != null && ids.Contains(r.OrganizationId));
        }

        if (query.TermIds is { } termIds)
        {
            var ids = termIds.ToList();
            var terms = db.Set<ContentTaxonomyRecord>().AsNoTracking();
            rows = rows.Where(r => terms.Any(t => t.ContentItemVersionId == r.ContentItemVersionId && t.Published && ids.Contains(t.TermContentItemId)));
        }

        return rows;
    }
}
