using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The published commendations, read once and kept across requests (<see cref="ReferenceDataCache"/>, dropped when a
/// decision, recipient or link changes): they are few, and every item page and card asks for its badges.
/// </summary>
internal sealed class CommendationQuery(DbContext db, ReferenceDataCache cache, IOrganizationService organizations) : ICommendationQuery
{
    public const string CacheKey = "commendations:published";

    public Task<IReadOnlyList<PublishedCommendation>> PublishedAsync(CancellationToken ct = default)
        => cache.GetOrLoadAsync(db, CacheKey, LoadAsync, ct);

    public async Task<IReadOnlyList<PublishedCommendation>> ForOrganizationAsync(string organizationId, bool includeUnitsBelow = false, CancellationToken ct = default)
    {
        IReadOnlySet<string> units = includeUnitsBelow
            ? await organizations.GetSubtreeIdsAsync(organizationId, ct)
            : new HashSet<string>(StringComparer.Ordinal) { organizationId };
        return (await PublishedAsync(ct)).Where(c => c.OrganizationId is not null && units.Contains(c.OrganizationId)).ToList();
    }

    public async Task<IReadOnlyList<PublishedCommendation>> ForItemAsync(string contentItemId, CancellationToken ct = default)
        => (await PublishedAsync(ct)).Where(c => c.ContentItemIds.Contains(contentItemId, StringComparer.Ordinal)).ToList();

    private async Task<IReadOnlyList<PublishedCommendation>> LoadAsync(CancellationToken ct)
    {
        var decisions = await db.Set<CommendationDecision>().AsNoTracking()
            .Where(d => d.Published)
            .Include(d => d.Recipients).ThenInclude(r => r.Items)
            .AsSplitQuery()
            .ToListAsync(ct);
        return decisions
            .OrderByDescending(d => d.Date).ThenByDescending(d => d.Id)
            .SelectMany(d => d.Recipients.OrderBy(r => r.Order).ThenBy(r => r.Id).Select(r => new PublishedCommendation(
                d.Id, d.Number, d.Date, d.Level, d.Title, d.Period, d.OwnerOrganizationId,
                r.Id, r.Kind, r.OrganizationId, r.Name, r.Position, r.Achievement, r.Order,
                r.Items.OrderBy(i => i.Order).Select(i => i.ContentItemId).ToList())))
            .ToList();
    }
}
