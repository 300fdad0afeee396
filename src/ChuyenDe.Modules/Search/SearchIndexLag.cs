namespace ChuyenDe.Modules.Search;

/// <summary>
/// The state of this node's index against the indexing-task table.
/// </summary>
/// <param name="IndexerRuns">Whether this node runs the background indexer (<c>ChuyenDe:Search:RunIndexer</c>).</param>
/// <param name="Started">Whether the first catch-up (or rebuild) after start-up has been tried.</param>
/// <param name="Cursor">The highest task id applied; -1 before the first catch-up.</param>
/// <param name="PendingTasks">Tasks of the table not applied yet (ids above the cursor); 0 before the first catch-up.</param>
/// <param name="OldestPendingUtc">When the oldest of them was written; null when none is pending.</param>
public sealed record SearchIndexLag(bool IndexerRuns, bool Started, long Cursor, int PendingTasks, DateTime? OldestPendingUtc);
