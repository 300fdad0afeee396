using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.Documents;

/// <summary>
/// The published official documents, newest issued first (then the newest published). Documents are few (tens a year
/// for a Department), so all published ones are read and ordered in memory, like the events.
/// </summary>
public sealed class OfficialDocumentList(IContentQueryService queries)
{
    public async Task<IReadOnlyList<OfficialDocument>> ListAsync(CancellationToken ct)
    {
        var all = new List<OfficialDocument>();
        for (var page = 1; ; page++)
        {
            var result = await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [OfficialDocument.ContentType], Page = page, PageSize = 100 }, ct);
            all.AddRange(result.Items.Select(OfficialDocument.From));
            if (page >= result.PageCount)
            {
                break;
            }
        }

        return Newest(all);
    }

    /// <summary>Newest issued first; documents without a date last; then the newest published, then by id (a stable order).</summary>
    public static IReadOnlyList<OfficialDocument> Newest(IEnumerable<OfficialDocument> documents)
        => documents
            .OrderByDescending(d => d.IssuedOn ?? DateOnly.MinValue)
            .ThenByDescending(d => d.Item.PublishedUtc ?? DateTime.MinValue)
            .ThenBy(d => d.Item.ContentItemId, StringComparer.Ordinal)
            .ToList();
}
