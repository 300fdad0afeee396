using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Search;

public enum SearchIndexingTaskKind
{
    /// <summary>Read the item again and index what it now is (or remove it when it has no such version any more).</summary>
    Update = 0,
    Delete = 1,
}

/// <summary>
/// One change to index, written in the content transaction. Every node applies the tasks in id order to its own
/// index and keeps the last id applied (its cursor) in the index commit. Applying a task reads the item's current
/// state, so applying one twice, or an older one after a newer one, gives the same index.
/// </summary>
public sealed class SearchIndexingTaskRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public SearchIndexingTaskKind Kind { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class SearchIndexingTaskRecordConfiguration : IEntityTypeConfiguration<SearchIndexingTaskRecord>
{
    public void Configure(EntityTypeBuilder<SearchIndexingTaskRecord> b)
    {
        b.ToTable("SearchIndexingTasks");
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
        b.HasIndex(r => r.CreatedUtc);
    }
}

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

/// <summary>Wakes the indexer of this node soon after a change (it polls anyway).</summary>
internal sealed class SearchIndexSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Nudge()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already nudged.
        }
    }

    /// <summary>Waits for a nudge or the timeout; true when nudged.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
