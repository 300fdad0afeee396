namespace ChuyenDe.Modules.Analytics;

/// <summary>Views and downloads of one item on one day counted in memory and not yet written to the database.</summary>
public sealed record PendingCount(DateOnly Day, string ContentItemId, long Views, long Downloads);
