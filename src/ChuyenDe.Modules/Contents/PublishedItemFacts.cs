using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Contents;

internal sealed class PublishedItemFacts(DbContext db) : IPublishedItemFacts
{
    public async Task<IReadOnlyList<PublishedItemFact>> ListAsync(IReadOnlyCollection<string> types, DateTime? fromUtc, DateTime? toUtc,
        IReadOnlyCollection<string>? organizationIds, bool includeUnassigned, CancellationToken ct = default)
    {
        var typeNames = types.ToList();
        var rows = db.Set<ContentItemVersionRecord>().AsNoTracking().Where(r => r.Published && typeNames.Contains(r.ContentType));
        if (fromUtc is { } from)
        {
            rows = rows.Where(r => r.PublishedUtc >= from);
        }

        if (toUtc is { } to)
        {
            rows = rows.Where(r => r.PublishedUtc < to);
        }

        if (organizationIds is not null)
        {
            var ids = organizationIds.ToList();
            rows = includeUnassigned
                ? rows.Where(r => r.OrganizationId == null || ids.Contains(r.OrganizationId))
                : rows.Where(r => r.OrganizationId != null && ids.Contains(r.OrganizationId));
        }
        else if (!includeUnassigned)
        {
            rows = rows.Where(r => r.OrganizationId != null);
        }

        var items = await rows.Select(r => new { r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.OrganizationId, r.PublishedUtc }).ToListAsync(ct);
        if (items.Count == 0)
        {
            return [];
        }

        var terms = (await db.Set<ContentTaxonomyRecord>().AsNoTracking()
                .Where(t => t.Published && typeNames.Contains(t.ContentType))
                .Select(t => new { t.ContentItemVersionId, t.TaxonomyContentItemId, t.TermContentItemId })
                .ToListAsync(ct))
            .GroupBy(t => t.ContentItemVersionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, IReadOnlyList<string>>)g
                .GroupBy(t => t.TaxonomyContentItemId, StringComparer.Ordinal)
                .ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Select(t => t.TermContentItemId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        var none = new Dictionary<string, IReadOnlyList<string>>();
        return items
            .Select(i => new PublishedItemFact(i.ContentItemId, i.ContentType, i.OrganizationId, i.PublishedUtc, terms.GetValueOrDefault(i.ContentItemVersionId) ?? none))
            .ToList();
    }
}
