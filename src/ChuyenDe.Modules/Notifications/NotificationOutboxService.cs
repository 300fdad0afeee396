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
                taken = await scope.ServiceProvider.GetRequiredService<NotificationEmailSender>().SendDueAsync(stoppingToken);
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
