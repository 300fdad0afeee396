using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Operations;

/// <summary>Reads the search index lag and the outbox depth for the gauges every <see cref="OperationsOptions.MetricsSampleInterval"/>.</summary>
internal sealed class OperationsSampler(
    IServiceScopeFactory scopes, OperationsMetrics metrics, IOptions<OperationsOptions> options, TimeProvider clock, ILogger<OperationsSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = options.Value.MetricsSampleInterval > TimeSpan.Zero ? options.Value.MetricsSampleInterval : TimeSpan.FromSeconds(15);
        while (!stoppingToken.IsCancellationRequested)
        {
            await SampleAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task SampleAsync(CancellationToken ct)
    {
        SearchIndexLag? search = null;
        EmailOutboxState? outbox = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            search = await scope.ServiceProvider.GetRequiredService<ISearchIndexStatus>().GetLagAsync(ct);
            outbox = await scope.ServiceProvider.GetRequiredService<IEmailOutboxStatus>().GetStateAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // The readiness check says why; the gauges keep what could be read.
            logger.LogWarning(e, "The operations metrics could not be sampled");
        }

        metrics.Record(search, outbox, clock.GetUtcNow().UtcDateTime);
    }
}
