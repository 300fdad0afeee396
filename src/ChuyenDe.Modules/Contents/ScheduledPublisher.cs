using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Contents;

internal sealed class ScheduledPublisher(DbContext db, IContentManager contents, TimeProvider clock, ILogger<ScheduledPublisher> logger)
    : IScheduledPublisher
{
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<ContentItemVersionRecord>().AsNoTracking()
            .Where(r => r.Latest && !r.Published && r.ScheduledPublishUtc != null && r.ScheduledPublishUtc <= now)
            .OrderBy(r => r.ScheduledPublishUtc).Select(r => r.ContentItemId).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            var result = await contents.PublishLatestAsync(id, ContentActor.Scheduler, ct);
            if (result.Succeeded)
            {
                published++;
                logger.LogInformation("Scheduled publishing published {ContentItemId}", id);
            }
            else
            {
                logger.LogWarning("Scheduled publishing of {ContentItemId} failed validation: {Errors}", id,
                    string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        return published;
    }
}
