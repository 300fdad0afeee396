using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Editorial;

/// <summary>The permission of curation; other modules name it through this constant.</summary>
public sealed class CurationPermissions : IPermissionProvider
{
    public const string CurateContent = nameof(CurateContent);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(CurateContent, "Mark published items as exemplary products, designate model sites, order the featured items of the home page"),
    ];
}
