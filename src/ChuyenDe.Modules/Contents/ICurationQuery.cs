namespace ChuyenDe.Modules.Contents;

/// <summary>What the public site needs to know of curations: only active (not withdrawn) ones.</summary>
public interface ICurationQuery
{
    /// <summary>Active curations of one kind, newest curation first.</summary>
    Task<IReadOnlyList<CurationInfo>> ListActiveAsync(string kind, CancellationToken ct = default);

    /// <summary>Active curations of several kinds in one read, newest curation first (a page showing several kinds).</summary>
    Task<IReadOnlyList<CurationInfo>> ListActiveAsync(IReadOnlyCollection<string> kinds, CancellationToken ct = default);

    /// <summary>Active curations of one kind that are featured on the home page, in their order.</summary>
    Task<IReadOnlyList<CurationInfo>> ListFeaturedAsync(string kind, CancellationToken ct = default);

    /// <summary>The active curations of one item (at most one per kind).</summary>
    Task<IReadOnlyList<CurationInfo>> GetActiveAsync(string contentItemId, CancellationToken ct = default);
}
