using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Fields;

public interface IContentDisplayBuilder
{
    Task<IReadOnlyList<ContentCard>> BuildCardsAsync(IEnumerable<ContentItem> items, CancellationToken ct = default);
    Task<ContentDetail> BuildDetailAsync(ContentItem item, CancellationToken ct = default);
}
