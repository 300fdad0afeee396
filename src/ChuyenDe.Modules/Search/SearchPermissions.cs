using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Search;

/// <summary>The permissions of search; other modules name them through these constants.</summary>
public sealed class SearchPermissions : IPermissionProvider
{
    /// <summary>Rebuild the search index of this node (administrators).</summary>
    public const string RebuildSearchIndex = nameof(RebuildSearchIndex);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(RebuildSearchIndex, "Rebuild the search index"),
    ];
}
