using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Notifications;

internal sealed class NotificationInbox(DbContext db, TimeProvider clock) : INotificationInbox
{
    public const int MaxPageSize = 100;
    private readonly Dictionary<string, int> _unread = new(StringComparer.Ordinal);

    private IQueryable<NotificationRecord> Of(string userId) => db.Set<NotificationRecord>().AsNoTracking().Where(r => r.UserId == userId);

    public async Task<int> CountUnreadAsync(string userId, CancellationToken ct = default)
    {
        if (!_unread.TryGetValue(userId, out var count))
        {
            _unread[userId] = count = await Of(userId).CountAsync(r => r.ReadUtc == null, ct);
        }

        return count;
    }

    public async Task<NotificationPage> ListAsync(string userId, int page, int pageSize, bool unreadOnly = false, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = unreadOnly ? Of(userId).Where(r => r.ReadUtc == null) : Of(userId);
        var unread = await CountUnreadAsync(userId, ct);
        var shown = await query.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            .Select(r => new NotificationView(r.Id, r.Kind, r.Subject, r.Body, r.ContentItemId, r.Url, r.CreatedUtc, r.ReadUtc))
            .ToPagedResultAsync(page, pageSize, ct);
        return new NotificationPage(shown.Items, shown.Page, shown.PageSize, shown.Total, unread);
    }

    public async Task<NotificationView?> GetAsync(string userId, long id, CancellationToken ct = default)
        => await Of(userId).Where(r => r.Id == id)
            .Select(r => new NotificationView(r.Id, r.Kind, r.Subject, r.Body, r.ContentItemId, r.Url, r.CreatedUtc, r.ReadUtc))
            .FirstOrDefaultAsync(ct);

    public async Task<bool> MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.Set<NotificationRecord>().FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct);
        if (record is null)
        {
            return false;
        }

        if (record.ReadUtc is null)
        {
            record.ReadUtc = now;
            await db.SaveChangesAsync(ct);
            _unread.Remove(userId);
        }

        return true;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<NotificationRecord>().Where(r => r.UserId == userId && r.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadUtc, now), ct);
        _unread.Remove(userId);
        return changed;
    }
}
