using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Media;

/// <summary>
/// Keeps <c>MediaUsages</c> in step with content: on every content event the item's rows are rewritten from its
/// current latest and published versions (media fields, and <c>/media/…</c> links in Markdown and HTML bodies),
/// inside the content transaction.
/// </summary>
internal sealed class MediaUsageIndexer(DbContext db, IContentDefinitionManager definitions, IContentKindRules kinds, IServiceProvider services)
    : IContentEventHandler
{
    public Task CreatedAsync(ContentEvent e, CancellationToken ct) => ReindexAsync(e.Item.ContentItemId, ct);
    public Task UpdatedAsync(ContentEvent e, CancellationToken ct) => ReindexAsync(e.Item.ContentItemId, ct);
    public Task PublishedAsync(ContentEvent e, CancellationToken ct) => ReindexAsync(e.Item.ContentItemId, ct);
    public Task UnpublishedAsync(ContentEvent e, CancellationToken ct) => ReindexAsync(e.Item.ContentItemId, ct);
    public Task DraftDiscardedAsync(ContentEvent e, CancellationToken ct) => ReindexAsync(e.Item.ContentItemId, ct);
    public Task RemovedAsync(ContentEvent e, CancellationToken ct) => ReindexAsync(e.Item.ContentItemId, ct);

    public async Task ReindexAsync(string contentItemId, CancellationToken ct)
    {
        // Resolved when needed: the content manager itself depends on the event handlers.
        var contents = services.GetRequiredService<IContentManager>();
        var set = db.Set<MediaUsageRecord>();
        set.RemoveRange(await set.Where(r => r.ContentItemId == contentItemId).ToListAsync(ct));
        // Removed first, so that rows written again never meet their old selves in the unique index.
        await db.SaveChangesAsync(ct);

        var latest = await contents.GetAsync(contentItemId, VersionOptions.Latest, ct);
        var published = await contents.GetAsync(contentItemId, VersionOptions.Published, ct);
        var rows = new Dictionary<string, MediaUsageRecord>(StringComparer.Ordinal);
        foreach (var (version, isLatest, isPublished) in new[] { (latest, true, false), (published, false, true) })
        {
            if (version is null)
            {
                continue;
            }

            var type = await definitions.GetTypeDefinitionAsync(version.ContentType, ct);
            foreach (var path in PathsOf(kinds, version, type))
            {
                if (!rows.TryGetValue(path, out var row))
                {
                    row = new MediaUsageRecord { Path = path, ContentItemId = contentItemId, ContentType = version.ContentType };
                    rows.Add(path, row);
                }

                row.Latest |= isLatest;
                row.Published |= isPublished;
            }
        }

        set.AddRange(rows.Values);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The media paths a version refers to: the files its fields use (media fields) and <c>/media/…</c> links in the
    /// texts its parts link files from (Markdown and HTML bodies), as the kinds' rules give them.
    /// </summary>
    internal static IEnumerable<string> PathsOf(IContentKindRules kinds, ContentItem item, ContentTypeDefinition? type)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (type is null)
        {
            return found;
        }

        foreach (var (_, _, file) in kinds.MediaFilesOf(item, type))
        {
            Add(found, file.Path);
        }

        foreach (var text in kinds.MediaLinkingTextsOf(item, type))
        {
            foreach (var path in MediaLinks.PathsIn(text))
            {
                found.Add(path);
            }
        }

        return found;
    }

    private static void Add(ISet<string> found, string path)
    {
        var trimmed = path.Trim();
        if (FileSystemMediaStore.IsSafe(trimmed))
        {
            found.Add(trimmed);
        }
    }
}
