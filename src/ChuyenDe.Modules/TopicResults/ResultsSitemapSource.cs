using ChuyenDe.Modules.Library.Sitemaps;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>The sitemap's share of the results: <c>/ket-qua</c> and every published results page.</summary>
internal sealed class ResultsSitemapSource(ResultsPageService pages) : ISitemapSource
{
    public IReadOnlyList<string> CacheTags => [ResultsModule.CacheTag];

    public async Task<IReadOnlyList<string>> PathsAsync(CancellationToken ct = default)
        => [ResultsSiteController.Base, .. (await pages.ListPublishedAsync(ct)).Select(p => ResultsSiteController.Base + "/" + p.Slug)];
}
