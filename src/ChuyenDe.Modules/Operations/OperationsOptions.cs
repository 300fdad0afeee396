using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChuyenDe.Modules.Operations;

/// <summary>The health checks, metrics and who may read them: <c>ChuyenDe:Operations</c>. See docs/operations.md.</summary>
public sealed class OperationsOptions
{
    public const string Section = "ChuyenDe:Operations";

    /// <summary>
    /// The networks (CIDR, e.g. <c>10.0.0.0/8</c>, or single addresses) whose clients may read <c>/health/*</c> and
    /// <c>/metrics</c>; everyone else gets 404. Empty (the default): loopback only, 127.0.0.0/8 and ::1.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>The search index is not ready when its oldest task not applied yet was written longer ago than this.</summary>
    public TimeSpan SearchMaxLag { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The search index is not ready when more tasks than this wait to be applied.</summary>
    public int SearchMaxPendingTasks { get; set; } = 5000;

    /// <summary>The outbox is stuck when an e-mail has been due to be sent for longer than this.</summary>
    public TimeSpan OutboxMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What a stuck outbox makes the readiness: <c>Degraded</c> (the default: answered 200, the node still serves pages;
    /// every node shares the outbox, so taking them out of the proxy would stop the whole site for a mail server) or
    /// <c>Unhealthy</c> (503).
    /// </summary>
    public HealthStatus OutboxStuckStatus { get; set; } = HealthStatus.Degraded;

    /// <summary>How long one check may take before it counts as failed.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the index lag and outbox gauges of <c>/metrics</c> are read from the database.</summary>
    public TimeSpan MetricsSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
