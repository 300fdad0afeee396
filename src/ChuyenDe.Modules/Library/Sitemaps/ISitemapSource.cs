namespace ChuyenDe.Modules.Library.Sitemaps;

/// <summary>
/// Public pages of a module above Library that the sitemap lists among the fixed pages (the results pages, the honour
/// roll). Register implementations with <c>services.AddScoped&lt;ISitemapSource, …&gt;()</c>. The sitemap is cached:
/// <see cref="CacheTags"/> names what evicts it when the source's pages change.
/// </summary>
public interface ISitemapSource
{
    /// <summary>The output-cache tags of the source's pages (evicted when a page is added or withdrawn).</summary>
    IReadOnlyList<string> CacheTags { get; }

    /// <summary>The site paths of the source's public pages (<c>/ket-qua</c>, <c>/ket-qua/…</c>), in a stable order.</summary>
    Task<IReadOnlyList<string>> PathsAsync(CancellationToken ct = default);
}
