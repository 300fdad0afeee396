using System.Diagnostics.Metrics;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// The meter of the page caches (<see cref="MeterName"/>): <c>chuyende.page_cache.requests</c> counts each request for a
/// public page once, tagged <c>result</c> = <c>hit</c> or <c>miss</c> and <c>level</c> = <c>front</c> (this node's copies,
/// <see cref="FrontPageCache"/>), <c>output</c> (the output cache) or <c>rendered</c> (a miss: the page was rendered).
/// </summary>
public sealed class PageCacheMetrics
{
    /// <summary>The meter's name (a field, not a constant, so that its readers are seen by the module graph).</summary>
    public static readonly string MeterName = "ChuyenDe.Caching";

    private readonly Counter<long> _requests;

    public PageCacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("chuyende.page_cache.requests", "{request}",
            "Requests for public pages, by the cache level that answered them (front, output) or rendered (a miss).");
    }

    internal void FrontHit() => _requests.Add(1, new KeyValuePair<string, object?>("result", "hit"), new KeyValuePair<string, object?>("level", "front"));

    internal void OutputHit() => _requests.Add(1, new KeyValuePair<string, object?>("result", "hit"), new KeyValuePair<string, object?>("level", "output"));

    internal void Rendered() => _requests.Add(1, new KeyValuePair<string, object?>("result", "miss"), new KeyValuePair<string, object?>("level", "rendered"));
}
