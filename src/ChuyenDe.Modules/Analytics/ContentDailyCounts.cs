using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Writes counts kept in memory to the <c>ContentDailyCounts</c> table: each (day, item) row is inserted or, when another
/// write (an earlier flush, another node) made it already, added to — one <c>INSERT … ON CONFLICT DO UPDATE</c>, which
/// SQLite and PostgreSQL both run atomically — all in one transaction. The unit of each item is read once per write for
/// all its items, through the content engine (its published version's, else its latest's).
/// </summary>
public sealed class ContentDailyCounts(DbContext db, IContentQueryService queries, IContentManager contents)
{
    public const string Table = "ContentDailyCounts";

    public async Task AddAsync(IReadOnlyCollection<PendingCount> counts, CancellationToken ct = default)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var ids = counts.Select(c => c.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
        var items = await CountedItems.GetAsync(queries, contents, ids, ct);

        await db.InTransactionAsync(async () =>
        {
            foreach (var count in counts)
            {
                var unit = items.GetValueOrDefault(count.ContentItemId)?.OrganizationId;
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
