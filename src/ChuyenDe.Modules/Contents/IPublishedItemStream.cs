namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The published items of some types as one stream ordered by publication time and id, read page after page from a
/// position (keyset paging, for harvesting): a page starts strictly after the last (time, id) of the page before, so an
/// item published meanwhile (with a later time) comes at the end and nothing is skipped or repeated. Ids compare
/// ordinally on every provider.
/// </summary>
public interface IPublishedItemStream
{
    /// <summary>At most <paramref name="take"/> items after the position (null: from the start), in stream order.</summary>
    Task<IReadOnlyList<PublishedItemHead>> ListAsync(PublishedStreamQuery query, DateTime? afterUtc, string? afterId, int take,
        CancellationToken ct = default);

    /// <summary>How many items the query selects.</summary>
    Task<int> CountAsync(PublishedStreamQuery query, CancellationToken ct = default);

    /// <summary>The earliest publication time of a published item of the types, or null when none is published.</summary>
    Task<DateTime?> EarliestAsync(IReadOnlyCollection<string> types, CancellationToken ct = default);

    /// <summary>Whether any version of the item was ever published (also after it was unpublished or removed).</summary>
    Task<bool> WasEverPublishedAsync(string contentItemId, CancellationToken ct = default);
}
