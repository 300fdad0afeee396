using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Search;

/// <summary>Counts the tasks above this node's cursor: one indexed query on the task table's primary key.</summary>
internal sealed class SearchIndexStatus(SearchIndexer indexer, SearchOptions options, DbContext db) : ISearchIndexStatus
{
    public async Task<SearchIndexLag> GetLagAsync(CancellationToken ct = default)
    {
        var started = indexer.HasStarted;
        var cursor = indexer.AppliedCursor;
        if (!options.RunIndexer || !started || cursor < 0)
        {
            return new SearchIndexLag(options.RunIndexer, started && cursor >= 0, cursor, 0, null);
        }

        var pending = db.Set<SearchIndexingTaskRecord>().AsNoTracking().Where(t => t.Id > cursor);
        var count = await pending.CountAsync(ct);
        var oldest = count == 0 ? null : await pending.MinAsync(t => (DateTime?)t.CreatedUtc, ct);
        return new SearchIndexLag(true, true, cursor, count, oldest);
    }
}
