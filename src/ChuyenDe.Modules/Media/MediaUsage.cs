using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Media;

/// <summary>One item using one media file: which of its versions (latest, published) refer to the file.</summary>
public sealed record MediaUsageEntry(string ContentItemId, string ContentType, bool Latest, bool Published);

/// <summary>Where a media file is used.</summary>
public sealed record MediaUsageInfo(string Path, IReadOnlyList<MediaUsageEntry> Items)
{
    /// <summary>Whether any latest or published version of any item refers to the file.</summary>
    public bool IsUsed => Items.Count > 0;

    /// <summary>Whether a published version refers to the file: then it is public.</summary>
    public bool IsPublished => Items.Any(i => i.Published);
}

/// <summary>The media usage index: which content items use a file (for serving and for deleting with a warning).</summary>
public interface IMediaUsage
{
    Task<MediaUsageInfo> GetAsync(string path, CancellationToken ct = default);

    /// <summary>The original (Vietnamese) names of uploaded files, by path; paths without an upload record are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> GetOriginalNamesAsync(IReadOnlyCollection<string> paths, CancellationToken ct = default);

    /// <summary>Downloads of the files the published version of an item uses, added up.</summary>
    Task<long> GetDownloadCountAsync(string contentItemId, CancellationToken ct = default);
}

/// <summary>
/// Media usage index row: one per media path and content item, with the flags of the versions (latest, published)
/// that refer to it. Rewritten in the content transaction by <see cref="MediaUsageIndexer"/>.
/// </summary>
public sealed class MediaUsageRecord
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public bool Latest { get; set; }
    public bool Published { get; set; }
}

internal sealed class MediaUsageRecordConfiguration : IEntityTypeConfiguration<MediaUsageRecord>
{
    public void Configure(EntityTypeBuilder<MediaUsageRecord> b)
    {
        b.ToTable("MediaUsages");
        b.Property(r => r.Path).HasMaxLength(512).IsRequired();
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(128).IsRequired();
        b.HasIndex(r => new { r.Path, r.ContentItemId }).IsUnique();
        b.HasIndex(r => r.ContentItemId);
    }
}

internal sealed class MediaUsageService(DbContext db, MediaUsageBackfill backfill, IServiceProvider services) : IMediaUsage
{
    public async Task<MediaUsageInfo> GetAsync(string path, CancellationToken ct = default)
    {
        await backfill.EnsureAsync(services, ct);
        var items = await db.Set<MediaUsageRecord>().AsNoTracking().Where(r => r.Path == path)
            .OrderBy(r => r.ContentItemId)
            .Select(r => new MediaUsageEntry(r.ContentItemId, r.ContentType, r.Latest, r.Published))
            .ToListAsync(ct);
        return new MediaUsageInfo(path, items);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetOriginalNamesAsync(IReadOnlyCollection<string> paths, CancellationToken ct = default)
    {
        if (paths.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var list = paths.Distinct().ToList();
        return await db.Set<MediaFileRecord>().AsNoTracking().Where(f => list.Contains(f.Path))
            .ToDictionaryAsync(f => f.Path, f => f.OriginalName, ct);
    }

    public async Task<long> GetDownloadCountAsync(string contentItemId, CancellationToken ct = default)
    {
        var paths = db.Set<MediaUsageRecord>().AsNoTracking().Where(r => r.ContentItemId == contentItemId && r.Published).Select(r => r.Path);
        return await db.Set<MediaFileRecord>().AsNoTracking().Where(f => paths.Contains(f.Path)).SumAsync(f => f.DownloadCount, ct);
    }
}

/// <summary>
/// Fills an empty index once per process from the stored content: a site whose content predates the index (or was
/// written while it was missing) would otherwise hide every file from the public. New sites index as recipes import.
/// </summary>
internal sealed class MediaUsageBackfill
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(ct);
        try
        {
            if (!_done)
            {
                await RunAsync(services, ct);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reindexes every item when the index is empty; returns how many items were indexed.</summary>
    internal static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DbContext>();
        if (await db.Set<MediaUsageRecord>().AnyAsync(ct))
        {
            return 0;
        }

        var queries = services.GetRequiredService<IContentQueryService>();
        var indexer = ActivatorUtilities.CreateInstance<MediaUsageIndexer>(services);
        return await db.InTransactionAsync(async () =>
        {
            var count = 0;
            for (var page = 1; ; page++)
            {
                var result = await queries.QueryAsync(new ContentQuery
                {
                    LatestInsteadOfPublished = true, Order = ContentOrder.Title, Page = page, PageSize = 100,
                }, ct);
                foreach (var item in result.Items)
                {
                    await indexer.ReindexAsync(item.ContentItemId, ct);
                    count++;
                }

                if (page >= result.PageCount)
                {
                    return count;
                }
            }
        }, ct);
    }
}

/// <summary>
/// Keeps <c>MediaUsages</c> in step with content: on every content event the item's rows are rewritten from its
/// current latest and published versions (media fields, and <c>/media/…</c> links in Markdown and HTML bodies),
/// inside the content transaction.
/// </summary>
internal sealed class MediaUsageIndexer(DbContext db, IContentDefinitionManager definitions, IServiceProvider services) : IContentEventHandler
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
            foreach (var path in PathsOf(version, type))
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

    /// <summary>The media paths a version refers to: every MediaField's <c>Paths</c>, and <c>/media/…</c> links in bodies.</summary>
    internal static IEnumerable<string> PathsOf(ContentItem item, ContentTypeDefinition? type)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (type is null)
        {
            return found;
        }

        foreach (var (part, field) in type.AllFields())
        {
            if (field.FieldName == ContentKinds.MediaField && item.Field(part.Name, field.Name)?["Paths"] is JsonArray paths)
            {
                foreach (var node in paths)
                {
                    if (node is JsonValue value && value.TryGetValue<string>(out var path))
                    {
                        Add(found, path);
                    }
                }
            }
        }

        foreach (var part in type.Parts)
        {
            var text = part.PartName switch
            {
                ContentKinds.MarkdownBodyPart => Text(item.Part(part.Name)?["Markdown"]),
                ContentKinds.HtmlBodyPart => Text(item.Part(part.Name)?["Html"]),
                _ => null,
            };
            if (text is null)
            {
                continue;
            }

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

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
