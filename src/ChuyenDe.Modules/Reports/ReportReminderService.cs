using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>What an on-demand reminder did: an error (nothing sent), or how many units and users were reminded.</summary>
public sealed record ReminderResult(string? Error, int Units, int Users);

/// <summary>
/// The on-demand reminder of the status board: tells the users holding AnswerReports of every unit asked whose report
/// is not submitted or accepted (not started, draft, returned) and has someone to tell — in the app and, through the notifications outbox, by
/// e-mail — with the round's title, its deadline in Vietnam time and a link to the unit's report page. Only an open
/// round; a second reminder of the same round within <see cref="MinimumInterval"/> is refused (read back through
/// <see cref="INotificationEventLog"/>: the reminders' event key names the round).
/// </summary>
public sealed class ReportReminderService(
    DbContext db,
    IEnumerable<INotifier> notifiers,
    INotificationEventLog sent,
    IOrganizationService organizations,
    ISiteSettingsService siteSettings,
    TimeProvider clock,
    IStringLocalizer<ReportsResources> T)
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(10);

    public const string Kind = "ReportReminder";

    private static string KeyPrefix(int roundId) => $"{Kind}:{roundId}:";

    public async Task<ReminderResult> RemindAsync(ReportRound round, string? actorUserId, CancellationToken ct)
    {
        if (round.State != ReportRoundState.Open)
        {
            return new ReminderResult(round.State == ReportRoundState.Draft
                ? T["The round is still a draft: open it before reminding the units."]
                : T["The round is closed: its units can no longer be reminded."], 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = KeyPrefix(round.Id);
        var since = now - MinimumInterval;
        var last = await sent.LastSentAsync(prefix, since, ct);
        var site = await siteSettings.GetAsync(ct);
        if (last is { } at)
        {
            return new ReminderResult(T["The units were already reminded at {0}; wait {1} minutes between two reminders.",
                site.ToLocal(at).ToString("HH:mm dd/MM/yyyy"), (int)MinimumInterval.TotalMinutes], 0, 0);
        }

        var pending = await db.Set<ReportRoundUnit>().AsNoTracking()
            .Where(u => u.RoundId == round.Id && (u.ReportState == UnitReportState.NotStarted || u.ReportState == UnitReportState.Draft
                                                   || u.ReportState == UnitReportState.Returned))
            .Select(u => u.OrganizationId).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return new ReminderResult(T["Every unit asked has submitted its report: nobody to remind."], 0, 0);
        }

        var names = (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var deadline = round.DeadlineUtc is { } d ? site.ToLocal(d).ToString("HH:mm dd/MM/yyyy") + " (" + T["Vietnam time"] + ")" : T["none"].Value;
        var key = prefix + now.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = $"/admin/bao-cao/cua-don-vi/{round.Id}";
        var units = 0;
        var written = 0;
        foreach (var organizationId in pending)
        {
            var message = new NotificationMessage
            {
                EventKey = key,
                Kind = Kind,
                Subject = T["Reminder: the report “{0}” is due", round.Title],
                Body = T["The report of {0} for “{1}” has not been submitted yet. Deadline: {2}.", names.GetValueOrDefault(organizationId) ?? organizationId, round.Title, deadline],
                Url = url,
            };
            var to = new NotificationRecipients
            {
                OrganizationPermissions = [(organizationId, ReportPermissions.AnswerReports)],
                ExceptUserId = actorUserId,
            };
            foreach (var notifier in notifiers)
            {
                await notifier.NotifyAsync(to, message, ct);
            }

            var now2 = await sent.RecipientCountAsync(key, ct);
            if (now2 > written)
            {
                units++;
                written = now2;
            }
        }

        return new ReminderResult(null, units, written);
    }
}
