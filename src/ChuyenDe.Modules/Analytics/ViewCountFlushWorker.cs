using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Analytics;

/// <summary>Flushes the counts every <see cref="AnalyticsOptions.ViewFlushInterval"/> and once more when the site stops.</summary>
internal sealed class ViewCountFlushWorker(
    ViewCountFlusher flusher,
    IOptions<AnalyticsOptions> options,
    ILogger<ViewCountFlushWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = options.Value.ViewFlushInterval > TimeSpan.Zero ? options.Value.ViewFlushInterval : TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(interval);
        while (await WaitAsync(timer, stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The last counts of this process: written before it ends (within the host's shutdown time).
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await flusher.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Logged by the flusher, which keeps the counts for the next time; a database still starting is no reason to stop.
            logger.LogDebug(ex, "Flushing the view counts failed.");
        }
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
}
