using ChuyenDe.Modules.Library.Sitemaps;

namespace ChuyenDe.Modules.Commendations;

/// <summary>The sitemap's share of the commendations: the honour roll.</summary>
internal sealed class HonourRollSitemapSource : ISitemapSource
{
    public IReadOnlyList<string> CacheTags => [];

    public Task<IReadOnlyList<string>> PathsAsync(CancellationToken ct = default)
        => Task.FromResult<IReadOnlyList<string>>([HonourRollController.Path]);
}
