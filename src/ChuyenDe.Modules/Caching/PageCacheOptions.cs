namespace ChuyenDe.Modules.Caching;

/// <summary>The output cache of public pages: <c>ChuyenDe:OutputCache:Enabled</c> and <c>…:Minutes</c>.</summary>
public sealed class PageCacheOptions
{
    /// <summary>False switches the cache off (the benchmark's uncached runs, diagnosis).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a page stays cached when nothing evicts it (a safety net: changes evict their pages at once).</summary>
    public int Minutes { get; set; } = 10;

    /// <summary>
    /// The most this node keeps of its own copies of the pages it rendered, in MiB (<c>…:FrontMegabytes</c>), answered
    /// before the rest of the pipeline runs; the output cache's store keeps its own.
    /// </summary>
    public int FrontMegabytes { get; set; } = 64;
}
