using System.Diagnostics.Metrics;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Search;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// The meter of this module (<see cref="MeterName"/>): the search index lag and the e-mail outbox depth as gauges (read
/// from the last sample of <see cref="OperationsSampler"/>, so a scrape never waits for the database), and the database
/// connections this node opens (<see cref="DbConnectionCountingInterceptor"/>; PostgreSQL's pool also reports itself
/// through Npgsql's meter).
/// </summary>
public sealed class OperationsMetrics
{
    public const string MeterName = "ChuyenDe.Operations";

    private readonly Counter<long> _opened;
    private readonly UpDownCounter<long> _open;
    private volatile Sample? _sample;

    private sealed record Sample(SearchIndexLag? Search, EmailOutboxState? Outbox, DateTime TakenUtc);

    public OperationsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("chuyende.search.index_pending", () => Measure(s => s.Search is { Started: true } lag ? lag.PendingTasks : null),
            "{task}", "Indexing tasks this node has not applied to its search index yet.");
        meter.CreateObservableGauge("chuyende.search.index_lag", () => MeasureSeconds(s => s.Search is { Started: true } lag ? lag.OldestPendingUtc ?? s.TakenUtc : null),
            "s", "How long the oldest indexing task not applied yet has waited (0 when caught up).");
        meter.CreateObservableGauge("chuyende.email_outbox.depth", () => Measure(s => s.Outbox?.Pending),
            "{message}", "E-mails waiting in the outbox.");
        meter.CreateObservableGauge("chuyende.email_outbox.oldest_due_age", () => MeasureSeconds(s => s.Outbox is { } outbox ? outbox.OldestDueSinceUtc ?? s.TakenUtc : null),
            "s", "How long the longest-waiting due e-mail has been due (0 when none is).");
        _opened = meter.CreateCounter<long>("chuyende.db.connections.opened", "{connection}", "Database connections opened by this node.");
        _open = meter.CreateUpDownCounter<long>("chuyende.db.connections.open", "{connection}", "Database connections of this node open now.");
    }

    /// <summary>When the gauges were last sampled; null before the first sample.</summary>
    public DateTime? SampledUtc => _sample?.TakenUtc;

    internal void Record(SearchIndexLag? search, EmailOutboxState? outbox, DateTime nowUtc) => _sample = new Sample(search, outbox, nowUtc);

    internal void ConnectionOpened()
    {
        _opened.Add(1);
        _open.Add(1);
    }

    internal void ConnectionClosed() => _open.Add(-1);

    private IEnumerable<Measurement<long>> Measure(Func<Sample, int?> value)
        => _sample is { } sample && value(sample) is { } v ? [new Measurement<long>(v)] : [];

    private IEnumerable<Measurement<double>> MeasureSeconds(Func<Sample, DateTime?> since)
        => _sample is { } sample && since(sample) is { } s ? [new Measurement<double>(Math.Max(0, (sample.TakenUtc - s).TotalSeconds))] : [];
}
