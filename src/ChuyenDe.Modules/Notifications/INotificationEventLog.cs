using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Notifications;

/// <summary>
/// What other modules may ask about the notifications already written for their events, without reading the table:
/// how many users one event reached, and when an event whose key starts with a prefix was last sent.
/// </summary>
public interface INotificationEventLog
{
    /// <summary>How many users received the notification of this event key.</summary>
    Task<int> RecipientCountAsync(string eventKey, CancellationToken ct = default);

    /// <summary>The latest time a notification whose event key starts with <paramref name="eventKeyPrefix"/> was written after <paramref name="sinceUtc"/>; null when none.</summary>
    Task<DateTime?> LastSentAsync(string eventKeyPrefix, DateTime sinceUtc, CancellationToken ct = default);
}

internal sealed class NotificationEventLog(DbContext db) : INotificationEventLog
{
    public Task<int> RecipientCountAsync(string eventKey, CancellationToken ct = default)
        => db.Set<NotificationRecord>().AsNoTracking().CountAsync(r => r.EventKey == eventKey, ct);

    public Task<DateTime?> LastSentAsync(string eventKeyPrefix, DateTime sinceUtc, CancellationToken ct = default)
        => db.Set<NotificationRecord>().AsNoTracking()
            .Where(r => r.EventKey.StartsWith(eventKeyPrefix) && r.CreatedUtc > sinceUtc)
            .OrderByDescending(r => r.CreatedUtc).Select(r => (DateTime?)r.CreatedUtc).FirstOrDefaultAsync(ct);
}
