using ChuyenDe.Modules.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// This node's search index is caught up with the indexing-task table within the bounds
/// (<see cref="OperationsOptions.SearchMaxLag"/>, <see cref="OperationsOptions.SearchMaxPendingTasks"/>). Degraded while
/// the first catch-up after start-up still runs; healthy on a node that does not run the indexer.
/// </summary>
internal sealed class SearchIndexHealthCheck(ISearchIndexStatus status, IOptions<OperationsOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await status.GetLagAsync(cancellationToken);
        if (!lag.IndexerRuns)
        {
            return HealthCheckResult.Healthy("This node does not run the search indexer (ChuyenDe:Search:RunIndexer is false).");
        }

        if (!lag.Started)
        {
            return HealthCheckResult.Degraded("The search index's first catch-up after start-up is still running.");
        }

        var age = lag.OldestPendingUtc is { } oldest ? clock.GetUtcNow().UtcDateTime - oldest : TimeSpan.Zero;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        var values = new Dictionary<string, object>
        {
            ["cursor"] = lag.Cursor,
            ["pendingTasks"] = lag.PendingTasks,
            ["lagSeconds"] = Math.Round(age.TotalSeconds, 1),
            ["maxLagSeconds"] = options.Value.SearchMaxLag.TotalSeconds,
            ["maxPendingTasks"] = options.Value.SearchMaxPendingTasks,
        };
        if (age > options.Value.SearchMaxLag || lag.PendingTasks > options.Value.SearchMaxPendingTasks)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The search index is behind: {lag.PendingTasks} task(s) waiting, the oldest for {age.TotalSeconds:0} s.", data: values);
        }

        return HealthCheckResult.Healthy("The search index is caught up.", values);
    }
}
