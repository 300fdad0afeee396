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
            var search = await SampleAsync(stoppingToken);
            try
            {
                // Until the index's first catch-up is done (its lag is unknown), look again each second.
                await Task.Delay(search is { Started: false, IndexerRuns: true } && interval > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval,
                    clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads both and records them; returns the search index's state (null when it could not be read).</summary>
    internal async Task<SearchIndexLag?> SampleAsync(CancellationToken ct)
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
            return null;
        }
        catch (Exception e)
        {
            // The readiness check says why; the gauges keep what could be read.
            logger.LogWarning(e, "The operations metrics could not be sampled");
        }

        metrics.Record(search, outbox, clock.GetUtcNow().UtcDateTime);
        return search;
    }
}
