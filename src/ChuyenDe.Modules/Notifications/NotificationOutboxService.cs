using ChuyenDe.Modules.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Notifications;

/// <summary>Runs the e-mail outbox: a round every few seconds (sooner when woken); errors are logged, never fatal.</summary>
internal sealed class NotificationOutboxService(
    IServiceScopeFactory scopes,
    NotificationOutboxSignal signal,
    IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp,
    ILogger<NotificationOutboxService> logger) : BackgroundService
{
    public const string LockName = "jobs:notification-outbox";
    private static readonly TimeSpan LockLease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.Configured)
        {
            logger.LogInformation("No SMTP server is configured ({Section}:Host): notifications are shown in the application only.", SmtpOptions.Section);
            return;
        }

        await Task.Yield();
        var interval = options.Value.OutboxInterval > TimeSpan.Zero ? options.Value.OutboxInterval : TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // One node at a time (several nodes: a lock in Redis); each e-mail is also claimed in its row before sending.
                taken = await scope.ServiceProvider.RunExclusiveAsync(LockName, LockLease,
                    () => scope.ServiceProvider.GetRequiredService<NotificationEmailSender>().SendDueAsync(stoppingToken), 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The notification e-mail outbox failed; it will try again.");
            }

            if (taken >= Math.Max(1, options.Value.BatchSize))
            {
                continue; // more may be due
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
