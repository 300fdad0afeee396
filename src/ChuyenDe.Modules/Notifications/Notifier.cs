using System.Globalization;
using System.Text;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Notifications;

/// <summary>A user who will receive a notification.</summary>
internal sealed record NotificationRecipient(string UserId, bool HasEmail, bool Disabled);

/// <summary>
/// Finds the users a notification goes to: the named users, plus every active user of an organisation whose roles grant
/// the permission (through the Users module's role catalogue and Identity's user store), minus the one who acted.
/// </summary>
internal sealed class NotificationRecipientResolver(UserManager<CmsUser> users, IRoleCatalog roles)
{
    public async Task<IReadOnlyList<NotificationRecipient>> ResolveAsync(NotificationRecipients recipients, CancellationToken ct)
    {
        var found = new Dictionary<string, NotificationRecipient>(StringComparer.Ordinal);
        var named = recipients.UserIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count > 0)
        {
            var rows = await users.Users.AsNoTracking().Where(u => named.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct);
            foreach (var row in rows)
            {
                found[row.Id] = new NotificationRecipient(row.Id, !string.IsNullOrWhiteSpace(row.Email), IsDisabled(row.LockoutEnd));
            }
        }

        foreach (var group in recipients.OrganizationPermissions
                     .Where(p => !string.IsNullOrWhiteSpace(p.OrganizationId) && !string.IsNullOrWhiteSpace(p.Permission))
                     .GroupBy(p => p.OrganizationId, StringComparer.Ordinal))
        {
            foreach (var holder in await HoldersAsync(group.Key, group.Select(p => p.Permission).ToHashSet(StringComparer.Ordinal), ct))
            {
                found.TryAdd(holder.UserId, holder);
            }
        }

        if (recipients.ExceptUserId is { } except)
        {
            found.Remove(except);
        }

        return found.Values.OrderBy(r => r.UserId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Active users of the organisation holding any of the permissions (the Authenticated role's included).</summary>
    private async Task<IReadOnlyList<NotificationRecipient>> HoldersAsync(string organizationId, IReadOnlySet<string> permissions, CancellationToken ct)
    {
        var all = await roles.ListAsync(ct);
        var authenticated = all.FirstOrDefault(r => r.Name == RoleNames.Authenticated);
        var members = await users.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct);
        var active = members.Where(m => !IsDisabled(m.LockoutEnd)).ToList();
        if (active.Count == 0)
        {
            return [];
        }

        HashSet<string> holders;
        if (authenticated is not null && permissions.Any(authenticated.Effective.Contains))
        {
            holders = active.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            holders = new HashSet<string>(StringComparer.Ordinal);
            var memberIds = active.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var role in all.Where(r => !r.IsImplicit && permissions.Any(r.Effective.Contains)))
            {
                foreach (var user in await users.GetUsersInRoleAsync(role.Name))
                {
                    if (memberIds.Contains(user.Id))
                    {
                        holders.Add(user.Id);
                    }
                }
            }
        }

        return active.Where(m => holders.Contains(m.Id))
            .Select(m => new NotificationRecipient(m.Id, !string.IsNullOrWhiteSpace(m.Email), Disabled: false))
            .ToList();
    }

    /// <summary>An account an administrator locked (lockout end at the far future); a temporary lockout after failed sign-ins is not.</summary>
    internal static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= DateTimeOffset.MaxValue.AddYears(-1);
}

/// <summary>
/// Writes one <see cref="NotificationRecord"/> per recipient through the request's DbContext (so it commits or rolls
/// back with the caller's transaction) and wakes the e-mail outbox.
/// </summary>
internal sealed class Notifier(
    DbContext db,
    NotificationRecipientResolver resolver,
    IOptions<SmtpOptions> smtp,
    NotificationOutboxSignal outbox,
    TimeProvider clock,
    ILogger<Notifier> logger) : INotifier
{
    private const int MaxConflictRetries = 3;

    public async Task NotifyAsync(NotificationRecipients recipients, NotificationMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.EventKey) || message.EventKey.Length > NotificationRecordConfiguration.EventKeyLength)
        {
            throw new ArgumentException($"A notification needs an event key of 1 to {NotificationRecordConfiguration.EventKeyLength} characters.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.Kind) || string.IsNullOrWhiteSpace(message.Subject))
        {
            throw new ArgumentException("A notification needs a kind and a subject.", nameof(message));
        }

        var targets = await resolver.ResolveAsync(recipients, ct);
        if (targets.Count == 0)
        {
            return;
        }

        var ids = targets.Select(t => t.UserId).ToList();
        var existing = await db.Set<NotificationRecord>().AsNoTracking()
            .Where(r => r.EventKey == message.EventKey && ids.Contains(r.UserId))
            .Select(r => r.UserId).ToListAsync(ct);
        var fresh = targets.Where(t => !existing.Contains(t.UserId, StringComparer.Ordinal)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (await SaveNewAsync(fresh, message, ct) > 0)
        {
            outbox.Wake();
        }
    }

    /// <summary>
    /// Inserts the records. A concurrent writer may have inserted some of the pairs since they were checked: the unique
    /// index refuses them, EF Core rolls back to its savepoint (inside a transaction) or nothing was written (outside one),
    /// and the pairs that now exist are dropped and the rest saved again. Returns how many were written.
    /// </summary>
    internal async Task<int> SaveNewAsync(IReadOnlyList<NotificationRecipient> fresh, NotificationMessage message, CancellationToken ct)
    {
        var remaining = fresh.ToList();
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var records = remaining.Select(r => NewRecord(r, message, now)).ToList();
            db.Set<NotificationRecord>().AddRange(records);
            try
            {
                await db.SaveChangesAsync(ct);
                return records.Count;
            }
            catch (DbUpdateException ex) when (attempt < MaxConflictRetries)
            {
                foreach (var record in records)
                {
                    db.Entry(record).State = EntityState.Detached;
                }

                var ids = remaining.Select(r => r.UserId).ToList();
                var nowExisting = await db.Set<NotificationRecord>().AsNoTracking()
                    .Where(r => r.EventKey == message.EventKey && ids.Contains(r.UserId))
                    .Select(r => r.UserId).ToListAsync(ct);
                if (nowExisting.Count == 0)
                {
                    throw; // not a duplicate: a real failure of the caller's save
                }

                logger.LogInformation(ex, "Notification {EventKey} was already written for {Count} user(s) by a concurrent request; skipped for them.",
                    message.EventKey, nowExisting.Count);
                remaining = remaining.Where(r => !nowExisting.Contains(r.UserId, StringComparer.Ordinal)).ToList();
                if (remaining.Count == 0)
                {
                    return 0;
                }
            }
        }
    }

    private NotificationRecord NewRecord(NotificationRecipient recipient, NotificationMessage message, DateTime now) => new()
    {
        UserId = recipient.UserId,
        EventKey = message.EventKey,
        Kind = Clip(message.Kind.Trim(), NotificationRecordConfiguration.KindLength),
        Subject = Clip(Normalize(message.Subject).Trim(), NotificationRecordConfiguration.SubjectLength),
        Body = Normalize(message.Body ?? ""),
        ContentItemId = string.IsNullOrWhiteSpace(message.ContentItemId) ? null : Clip(message.ContentItemId, 64),
        Url = SafeUrl(message.Url),
        CreatedUtc = now,
        EmailStatus = smtp.Value.Configured && recipient.HasEmail && !recipient.Disabled ? NotificationEmailStatus.Pending : NotificationEmailStatus.None,
    };

    /// <summary>Only site-relative links (one leading slash) are kept: a notification never links elsewhere.</summary>
    internal static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        var local = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl) && url.Length <= NotificationRecordConfiguration.UrlLength;
        return local ? url : null;
    }

    private static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    private static string Clip(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var info = new StringInfo(text);
        var clipped = info.SubstringByTextElements(0, Math.Min(info.LengthInTextElements, length - 1));
        while (clipped.Length > length - 1)
        {
            clipped = clipped[..^1];
        }

        return clipped + "…";
    }
}
