namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Addresses the site answers itself (the back office, media, search, error pages, static files, feeds …), which no
/// item may take as its route. The content engine asks this contract; the host side implements it from the
/// registered endpoints, so the engine depends on no other module.
/// </summary>
public interface IReservedPaths
{
    /// <summary>
    /// Whether an item path (slug segments without a leading slash, e.g. <c>admin/x</c> or <c>tim-kiem</c>) would
    /// land on an address the site answers itself.
    /// </summary>
    bool IsReserved(string path);

    /// <summary>
    /// <see cref="IsReserved"/> and the addresses that come from data (the news category pages, named by their terms);
    /// what the content engine asks before giving an item a route.
    /// </summary>
    Task<bool> IsReservedAsync(string path, CancellationToken ct = default) => Task.FromResult(IsReserved(path));
}
