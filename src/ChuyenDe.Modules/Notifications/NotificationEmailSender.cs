using System.Globalization;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChuyenDe.Modules.Notifications;

/// <summary>
/// Sends the e-mails of committed notifications (<see cref="NotificationEmailStatus.Pending"/> rows whose time has come).
/// Each row is claimed first (attempt counter compared and increased in one UPDATE, with a lease), so two nodes never
/// send the same e-mail; a row is marked Sent right after the server accepted it, so restarts send nothing twice.
/// </summary>
internal sealed class NotificationEmailSender(
    DbContext db,
    UserManager<CmsUser> users,
    ISiteSettingsService settings,
    NotificationEmailComposer composer,
    IOptions<SmtpOptions> smtp,
    IOptions<NotificationOptions> options,
    IEmailTransportFactory transports,
    TimeProvider clock,
    ILogger<NotificationEmailSender> logger)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Sends one round; returns how many rows were taken (sent, failed or rescheduled).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var server = smtp.Value;
        if (!server.Configured)
        {
            return 0;
        }

        CultureInfo.CurrentCulture = Vietnamese;
        CultureInfo.CurrentUICulture = Vietnamese;
        var settingsNow = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<NotificationRecord>().AsNoTracking()
            .Where(r => r.EmailStatus == NotificationEmailStatus.Pending && (r.EmailNextAttemptUtc == null || r.EmailNextAttemptUtc <= now))
            .OrderBy(r => r.Id).Take(Math.Max(1, settingsNow.BatchSize)).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var site = await settings.GetAsync(ct);
        var lease = now + server.Timeout * 3 + TimeSpan.FromMinutes(1);
        var taken = 0;
        await using var transport = transports.Create(server);
        foreach (var record in due)
        {
            var attempts = record.EmailAttempts + 1;
            var claimed = await db.Set<NotificationRecord>()
                .Where(r => r.Id == record.Id && r.EmailStatus == NotificationEmailStatus.Pending && r.EmailAttempts == record.EmailAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailAttempts, attempts).SetProperty(r => r.EmailNextAttemptUtc, lease), ct);
            if (claimed == 0)
            {
                continue; // another node took it
            }

            taken++;
            var user = await users.FindByIdAsync(record.UserId);
            if (user is null || string.IsNullOrWhiteSpace(user.Email))
            {
                await UpdateAsync(record.Id, NotificationEmailStatus.None, null, "The user has no e-mail address.", null, ct);
                continue;
            }

            var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName;
            try
            {
                var content = composer.Compose(record, name, site.SiteName);
                var message = NotificationMime.Build(content, server, site.SiteName, name, user.Email.Trim());
                await transport.SendAsync(message, ct);
                await UpdateAsync(record.Id, NotificationEmailStatus.Sent, null, null, clock.GetUtcNow().UtcDateTime, ct);
                logger.LogInformation("Notification e-mail {NotificationId} ({Kind}) sent to user {UserId}", record.Id, record.Kind, record.UserId);
            }
            catch (Exception ex) when (ex is EmailSendException or FormatException or ParseException)
            {
                var permanent = ex is not EmailSendException { Permanent: false };
                var failed = permanent || attempts >= settingsNow.MaxEmailAttempts;
                var next = failed ? (DateTime?)null : clock.GetUtcNow().UtcDateTime + settingsNow.RetryDelay(attempts);
                await UpdateAsync(record.Id, failed ? NotificationEmailStatus.Failed : NotificationEmailStatus.Pending, next, Clip(ex.Message), null, ct);
                if (failed)
                {
                    logger.LogError("Notification e-mail {NotificationId} to user {UserId} failed for good after {Attempts} attempt(s): {Error}",
                        record.Id, record.UserId, attempts, ex.Message);
                }
                else
                {
                    logger.LogWarning("Notification e-mail {NotificationId} to user {UserId} failed (attempt {Attempts} of {Max}); next try at {Next:u}: {Error}",
                        record.Id, record.UserId, attempts, settingsNow.MaxEmailAttempts, next, ex.Message);
                }

                if (!permanent)
                {
                    break; // the server is unreachable or unwell: the others wait for the next round
                }
            }
        }

        return taken;
    }

    private async Task UpdateAsync(long id, NotificationEmailStatus status, DateTime? next, string? error, DateTime? sentUtc, CancellationToken ct)
    {
        // Not cancelled with the round: an e-mail that went out must be marked Sent even while the app stops.
        _ = ct;
        await db.Set<NotificationRecord>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.EmailStatus, status)
            .SetProperty(r => r.EmailNextAttemptUtc, next)
            .SetProperty(r => r.EmailLastError, error)
            .SetProperty(r => r.EmailSentUtc, sentUtc), CancellationToken.None);
    }

    private static string Clip(string text)
        => text.Length <= NotificationRecordConfiguration.ErrorLength ? text : text[..(NotificationRecordConfiguration.ErrorLength - 1)] + "…";
}
