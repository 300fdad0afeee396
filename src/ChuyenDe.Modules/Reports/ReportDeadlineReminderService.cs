using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Reports;

/// <summary>What a pass of the automatic reminders did: the units reminded for the first time and the users told.</summary>
public sealed record DeadlineReminderPass(int Units, int Users);

/// <summary>
/// The automatic deadline reminder: for every open round whose deadline has not passed and falls within
/// <see cref="ReportsOptions.ReminderDaysBeforeDeadline"/> calendar days (in the site's time zone, Vietnam time), each unit
/// asked whose report is not submitted (not started, a draft, returned) is reminded <b>once</b>: its active users holding
/// AnswerReports are told in the app and, through the outbox, by e-mail, with the days left and the deadline in Vietnam
/// time. Once per (round, unit): the event key <c>ReportDeadlineReminder:{roundId}:{organizationId}</c> is deterministic,
/// a unit already reminded under it is skipped (read back through <see cref="INotificationEventLog"/>), and the
/// notifications' unique index (user, event key) keeps two passes running at once on two nodes from telling a user twice.
/// </summary>
public sealed class ReportDeadlineReminderService(
    DbContext db,
    IEnumerable<INotifier> notifiers,
    INotificationEventLog sent,
    IOrganizationService organizations,
    ISiteSettingsService siteSettings,
    TimeProvider clock,
    IOptions<ReportsOptions> options,
    IStringLocalizer<ReportsResources> T)
{
    public const string Kind = "ReportDeadlineReminder";

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static string EventKey(int roundId, string organizationId) => $"{Kind}:{roundId}:{organizationId}";

    public async Task<DeadlineReminderPass> RunOnceAsync(CancellationToken ct)
    {
        var days = options.Value.ReminderDaysBeforeDeadline;
        if (days <= 0)
        {
            return new DeadlineReminderPass(0, 0);
        }

        // Outside a request (the background service) nothing has chosen the culture: the messages are Vietnamese.
        System.Globalization.CultureInfo.CurrentCulture = Vietnamese;
        System.Globalization.CultureInfo.CurrentUICulture = Vietnamese;
        var now = clock.GetUtcNow().UtcDateTime;
        var site = await siteSettings.GetAsync(ct);
        var today = site.ToLocal(now).Date;
        // A superset in UTC (a time zone is less than a day away), narrowed by calendar days in the site's time zone below.
        var horizon = now.AddDays(days + 2);
        var rounds = (await db.Set<ReportRound>().AsNoTracking()
                .Where(r => r.State == ReportRoundState.Open && r.DeadlineUtc != null && r.DeadlineUtc > now && r.DeadlineUtc <= horizon)
                .ToListAsync(ct))
            .Where(r => (site.ToLocal(r.DeadlineUtc!.Value).Date - today).Days <= days)
            .OrderBy(r => r.DeadlineUtc).ThenBy(r => r.Id).ToList();
        if (rounds.Count == 0)
        {
            return new DeadlineReminderPass(0, 0);
        }

        var ids = rounds.Select(r => r.Id).ToList();
        var pending = await db.Set<ReportRoundUnit>().AsNoTracking()
            .Where(u => ids.Contains(u.RoundId) && (u.ReportState == UnitReportState.NotStarted || u.ReportState == UnitReportState.Draft
                                                     || u.ReportState == UnitReportState.Returned))
            .Select(u => new { u.RoundId, u.OrganizationId }).ToListAsync(ct);
        var names = (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var units = 0;
        var users = 0;
        foreach (var round in rounds)
        {
            var deadlineLocal = site.ToLocal(round.DeadlineUtc!.Value);
            var left = (deadlineLocal.Date - today).Days;
            var deadline = deadlineLocal.ToString("HH:mm dd/MM/yyyy") + " (" + T["Vietnam time"] + ")";
            foreach (var organizationId in pending.Where(p => p.RoundId == round.Id).Select(p => p.OrganizationId).Order(StringComparer.Ordinal))
            {
                var key = EventKey(round.Id, organizationId);
                if (await sent.RecipientCountAsync(key, ct) > 0)
                {
                    continue; // reminded already (by an earlier pass, before a restart, or by another node)
                }

                var unitName = names.GetValueOrDefault(organizationId) ?? organizationId;
                var message = new NotificationMessage
                {
                    EventKey = key,
                    Kind = Kind,
                    Subject = left == 0
                        ? T["The report “{0}” is due today", round.Title]
                        : T["The report “{0}” is due in {1} days", round.Title, left],
                    Body = T["The report of {0} for “{1}” has not been submitted yet. Deadline: {2}.", unitName, round.Title, deadline].Value
                           + " " + (left == 0 ? T["The deadline is today."].Value : T["{0} days left.", left].Value),
                    Url = $"{UnitReportsController.Base}/{round.Id}",
                };
                var to = new NotificationRecipients { OrganizationPermissions = [(organizationId, ReportPermissions.AnswerReports)] };
                foreach (var notifier in notifiers)
                {
                    await notifier.NotifyAsync(to, message, ct);
                }

                var told = await sent.RecipientCountAsync(key, ct);
                if (told > 0)
                {
                    units++;
                    users += told;
                }
            }
        }

        return new DeadlineReminderPass(units, users);
    }
}

/// <summary>
/// Runs <see cref="ReportDeadlineReminderService.RunOnceAsync"/> at start-up and then every
/// <see cref="ReportsOptions.ReminderInterval"/>; off when <see cref="ReportsOptions.ReminderDaysBeforeDeadline"/> is 0.
/// A pass that fails while the database is not migrated yet is logged as information and tried again later; other
/// failures are logged as errors, never fatal.
/// </summary>
internal sealed class ReportDeadlineReminderWorker(
    IServiceScopeFactory scopes,
    IOptions<ReportsOptions> options,
    ILogger<ReportDeadlineReminderWorker> logger) : BackgroundService
{
    public const string LockName = "jobs:report-deadline-reminders";
    private static readonly TimeSpan LockLease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ReminderDaysBeforeDeadline <= 0)
        {
            logger.LogInformation("Automatic report reminders are off ({Section}:ReminderDaysBeforeDeadline = 0).", ReportsOptions.Section);
            return;
        }

        await Task.Yield();
        var interval = options.Value.ReminderInterval > TimeSpan.Zero ? options.Value.ReminderInterval : TimeSpan.FromMinutes(15);
        using var timer = new PeriodicTimer(interval);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                // One node at a time (several nodes: a lock in Redis); a pass skips the units already reminded.
                var pass = await scope.ServiceProvider.RunExclusiveAsync(LockName, LockLease,
                    () => scope.ServiceProvider.GetRequiredService<ReportDeadlineReminderService>().RunOnceAsync(stoppingToken),
                    new DeadlineReminderPass(0, 0), stoppingToken);
                if (pass.Units > 0)
                {
                    logger.LogInformation("Deadline reminders sent to {Units} unit(s), {Users} user(s).", pass.Units, pass.Users);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (await NotReadyAsync(scope.ServiceProvider, stoppingToken))
                {
                    logger.LogInformation("Automatic report reminders wait for the database to be migrated; they will try again.");
                }
                else
                {
                    logger.LogError(ex, "Automatic report reminders failed; they will try again.");
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The database cannot be reached or has migrations still to apply (the site is starting up).</summary>
    private static async Task<bool> NotReadyAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            var db = services.GetRequiredService<DbContext>();
            return !await db.Database.CanConnectAsync(ct) || (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (Exception)
        {
            return true;
        }
    }
}
