using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Notifications;

/// <summary>Reads the outbox rows of the notifications table (indexed by status and next attempt).</summary>
internal sealed class EmailOutboxStatus(DbContext db, IOptions<SmtpOptions> smtp, TimeProvider clock) : IEmailOutboxStatus
{
    public async Task<EmailOutboxState> GetStateAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = db.Set<NotificationRecord>().AsNoTracking().Where(r => r.EmailStatus == NotificationEmailStatus.Pending);
        var count = await pending.CountAsync(ct);
        if (count == 0)
        {
            return new EmailOutboxState(smtp.Value.Configured, 0, 0, null);
        }

        var due = pending.Where(r => r.EmailNextAttemptUtc == null || r.EmailNextAttemptUtc <= now);
        var dueCount = await due.CountAsync(ct);
        var oldest = dueCount == 0 ? null : await due.MinAsync(r => (DateTime?)(r.EmailNextAttemptUtc ?? r.CreatedUtc), ct);
        return new EmailOutboxState(smtp.Value.Configured, count, dueCount, oldest);
    }
}
