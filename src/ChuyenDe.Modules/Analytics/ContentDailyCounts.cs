using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Writes counts kept in memory to the <c>ContentDailyCounts</c> table: each (day, item) row is inserted or, when another
/// write (an earlier flush, another node) made it already, added to — one <c>INSERT … ON CONFLICT DO UPDATE</c>, which
/// SQLite and PostgreSQL both run atomically — all in one transaction. The unit of each item is read once per write for
/// all its items (its published version's, else its latest's).
/// </summary>
public sealed class ContentDailyCounts(DbContext db)
{
    public const string Table = "ContentDailyCounts";

    public async Task AddAsync(IReadOnlyCollection<PendingCount> counts, CancellationToken ct = default)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var ids = counts.Select(c => c.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
        var units = (await db.Set<ContentItemVersionRecord>().AsNoTracking()
                .Where(v => ids.Contains(v.ContentItemId) && (v.Published || v.Latest))
                .Select(v => new { v.ContentItemId, v.OrganizationId, v.Published })
                .ToListAsync(ct))
            .GroupBy(v => v.ContentItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Published).First().OrganizationId, StringComparer.Ordinal);

        await db.InTransactionAsync(async () =>
        {
            foreach (var count in counts)
            {
                var unit = units.GetValueOrDefault(count.ContentItemId);
                await db.Database.ExecuteSqlAsync(
                    $"""
                     INSERT INTO "ContentDailyCounts" ("Day", "ContentItemId", "OrganizationId", "Views", "Downloads")
                     VALUES ({count.Day}, {count.ContentItemId}, {unit}, {count.Views}, {count.Downloads})
                     ON CONFLICT ("Day", "ContentItemId") DO UPDATE SET
                         "Views" = "ContentDailyCounts"."Views" + excluded."Views",
                         "Downloads" = "ContentDailyCounts"."Downloads" + excluded."Downloads",
                         "OrganizationId" = COALESCE(excluded."OrganizationId", "ContentDailyCounts"."OrganizationId")
                     """, ct);
            }
        }, ct);
    }
}
