namespace ChuyenDe.Modules.Contents;

/// <summary>Who is changing content: the user's id and name, or the system (recipes, scheduler).</summary>
public sealed record ContentActor(string UserId, string UserName)
{
    public static readonly ContentActor System = new("system", "system");

    /// <summary>Scheduled publishing: acts for whoever scheduled the item, so publish checks treat it like a user.</summary>
    public static readonly ContentActor Scheduler = new("scheduler", "scheduler");
}

/// <summary>What happened to an item; <see cref="PreviousVersionId"/> is the version it replaced, if any.</summary>
public sealed record ContentEvent(ContentItem Item, ContentActor Actor, string? PreviousVersionId = null);

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
