using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Media;

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
