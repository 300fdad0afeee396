using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Media;

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
