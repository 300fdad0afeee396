namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Announcements of the content engine. Handlers run inside the same database transaction as the change,
/// so what they write (an indexing task, an audit row) commits or rolls back with it. The engine never calls
/// search, workflow or media directly: they implement this interface.
/// </summary>
public interface IContentEventHandler
{
    Task CreatedAsync(ContentEvent e, CancellationToken ct) => Task.CompletedTask;
    Task UpdatedAsync(ContentEvent e, CancellationToken ct) => Task.CompletedTask;
    Task PublishedAsync(ContentEvent e, CancellationToken ct) => Task.CompletedTask;
    Task UnpublishedAsync(ContentEvent e, CancellationToken ct) => Task.CompletedTask;
    Task DraftDiscardedAsync(ContentEvent e, CancellationToken ct) => Task.CompletedTask;
    Task RemovedAsync(ContentEvent e, CancellationToken ct) => Task.CompletedTask;
}
