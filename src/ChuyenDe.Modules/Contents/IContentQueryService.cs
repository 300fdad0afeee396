namespace ChuyenDe.Modules.Contents;

/// <summary>Read side of the content store for pages and lists.</summary>
public interface IContentQueryService
{
    Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="QueryAsync"/>, for the public site's lists: a query of published items by type and terms (nothing
    /// about users, organisations or titles) is answered from pages kept across requests, dropped by any change of what
    /// is published; its items are shared, as those of <see cref="GetPublishedAsync"/> (read only). Any other query is
    /// read as <see cref="QueryAsync"/> does.
    /// </summary>
    Task<ContentPage> QueryPublishedAsync(ContentQuery query, CancellationToken ct = default);

    /// <summary>
    /// The published item whose route is <paramref name="path"/> (no leading slash), or null. Kept across requests and
    /// shared between them, as the items of <see cref="GetPublishedAsync"/>: read them, never change them (copy with
    /// <c>Clone</c> first).
    /// </summary>
    Task<ContentItem?> GetPublishedByPathAsync(string path, CancellationToken ct = default);

    /// <summary>The published versions of the items that have one, in the order asked (shared: read only).</summary>
    Task<IReadOnlyList<ContentItem>> GetPublishedAsync(IEnumerable<string> contentItemIds, CancellationToken ct = default);

    /// <summary>Published items per content type (kept across requests with the public lists; read only).</summary>
    Task<IReadOnlyDictionary<string, int>> CountPublishedByTypeAsync(CancellationToken ct = default);

    /// <summary>Published items per term, for the given content types.</summary>
    Task<IReadOnlyDictionary<string, int>> CountPublishedByTermAsync(IReadOnlyCollection<string> contentTypes, CancellationToken ct = default);

    /// <summary>How many items of the query there are per status (drafts and published latest versions).</summary>
    Task<(int Drafts, int Published)> CountByStatusAsync(ContentQuery query, CancellationToken ct = default);

    /// <summary>How many published items have an address.</summary>
    Task<int> CountPublishedRoutesAsync(CancellationToken ct = default);

    /// <summary>The addresses of published items in a stable order, <paramref name="take"/> after the first <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<PublishedRoute>> ListPublishedRoutesAsync(int skip, int take, CancellationToken ct = default);
}
