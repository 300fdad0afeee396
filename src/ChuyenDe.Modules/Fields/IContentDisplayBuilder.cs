using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields;

public interface IContentDisplayBuilder
{
    Task<IReadOnlyList<ContentCard>> BuildCardsAsync(IEnumerable<ContentItem> items, CancellationToken ct = default);
    Task<ContentDetail> BuildDetailAsync(ContentItem item, CancellationToken ct = default);

    /// <summary>How many times the published item's documents were downloaded, now (a kept display model's count ages).</summary>
    Task<long> DownloadCountAsync(ContentItem item, CancellationToken ct = default);
}
