using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// The items behind counts, through the content engine: their published versions in one query, the latest version of an
/// item that is no longer published (one by one, rare), none for an item that is gone.
/// </summary>
internal static class CountedItems
{
    public static async Task<Dictionary<string, ContentItem>> GetAsync(
        IContentQueryService queries, IContentManager contents, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        foreach (var item in await queries.GetPublishedAsync(ids, ct))
        {
            found[item.ContentItemId] = item;
        }

        foreach (var id in ids.Where(id => !found.ContainsKey(id)).ToList())
        {
            if (await contents.GetAsync(id, VersionOptions.Latest, ct) is { } latest)
            {
                found[id] = latest;
            }
        }

        return found;
    }
}
