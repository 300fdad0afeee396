using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// Keeps the tombstones from content events, in the change's transaction: an item of a harvested type that is
/// unpublished, or removed after it was published, gets one dated now with its sets; publishing it again removes it.
/// A tombstone that exists stays as it is when the unpublished item is removed later (it was already deleted for
/// harvesters).
/// </summary>
internal sealed class TombstoneRecorder(DbContext db, IPublishedItemStream stream, OaiSets sets, TimeProvider clock) : IContentEventHandler
{
    public async Task PublishedAsync(ContentEvent e, CancellationToken ct)
    {
        if (HarvestedTypes.Contains(e.Item.ContentType)
            && await db.Set<OaiTombstone>().FirstOrDefaultAsync(t => t.ContentItemId == e.Item.ContentItemId, ct) is { } tombstone)
        {
            db.Remove(tombstone);
            await db.SaveChangesAsync(ct);
        }
    }

    public Task UnpublishedAsync(ContentEvent e, CancellationToken ct) => RecordAsync(e.Item, ct);

    public async Task RemovedAsync(ContentEvent e, CancellationToken ct)
    {
        if (HarvestedTypes.Contains(e.Item.ContentType) && await stream.WasEverPublishedAsync(e.Item.ContentItemId, ct))
        {
            await RecordAsync(e.Item, ct);
        }
    }

    private async Task RecordAsync(ContentItem item, CancellationToken ct)
    {
        if (!HarvestedTypes.Contains(item.ContentType)
            || await db.Set<OaiTombstone>().AnyAsync(t => t.ContentItemId == item.ContentItemId, ct))
        {
            return;
        }

        db.Add(new OaiTombstone
        {
            ContentItemId = item.ContentItemId,
            ContentType = item.ContentType,
            DeletedUtc = clock.GetUtcNow().UtcDateTime,
            SetSpecs = " " + string.Join(' ', await sets.SpecsOfAsync(item, ct)) + " ",
        });
        await db.SaveChangesAsync(ct);
    }
}
