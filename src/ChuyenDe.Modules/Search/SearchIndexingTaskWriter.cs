using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Writes an indexing task for every content change (create, update, publish, unpublish, draft discard, delete) in
/// the content transaction, and for the requests of other modules (<see cref="ISearchIndexQueue"/>) in theirs.
/// </summary>
internal sealed class SearchIndexingTaskWriter(DbContext db, SearchIndexSignal signal, TimeProvider clock) : IContentEventHandler, ISearchIndexQueue
{
    public Task CreatedAsync(ContentEvent e, CancellationToken ct) => AddAsync(e.Item.ContentItemId, SearchIndexingTaskKind.Update, ct);
    public Task UpdatedAsync(ContentEvent e, CancellationToken ct) => AddAsync(e.Item.ContentItemId, SearchIndexingTaskKind.Update, ct);
    public Task PublishedAsync(ContentEvent e, CancellationToken ct) => AddAsync(e.Item.ContentItemId, SearchIndexingTaskKind.Update, ct);
    public Task UnpublishedAsync(ContentEvent e, CancellationToken ct) => AddAsync(e.Item.ContentItemId, SearchIndexingTaskKind.Update, ct);
    public Task DraftDiscardedAsync(ContentEvent e, CancellationToken ct) => AddAsync(e.Item.ContentItemId, SearchIndexingTaskKind.Update, ct);
    public Task RemovedAsync(ContentEvent e, CancellationToken ct) => AddAsync(e.Item.ContentItemId, SearchIndexingTaskKind.Delete, ct);

    public Task EnqueueAsync(string contentItemId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentItemId);
        return AddAsync(contentItemId, SearchIndexingTaskKind.Update, ct);
    }

    private async Task AddAsync(string contentItemId, SearchIndexingTaskKind kind, CancellationToken ct)
    {
        db.Set<SearchIndexingTaskRecord>().Add(new SearchIndexingTaskRecord
        {
            ContentItemId = contentItemId,
            Kind = kind,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        // The transaction commits after the handlers: the indexer looks shortly after, and again on its timer.
        signal.Nudge();
    }
}
