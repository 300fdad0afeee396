using ChuyenDe.Modules.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Contents;

internal sealed class ScheduledPublishingService(IServiceScopeFactory scopes, IOptions<ContentsOptions> options,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public const string LockName = "jobs:scheduled-publishing";
    private static readonly TimeSpan LockLease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScheduledPublishingInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // One node at a time (several nodes: a lock in Redis); a pass publishes only versions still unpublished.
                await scope.ServiceProvider.RunExclusiveAsync(LockName, LockLease,
                    () => scope.ServiceProvider.GetRequiredService<IScheduledPublisher>().PublishDueAsync(stoppingToken), 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduled publishing failed; it will try again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
