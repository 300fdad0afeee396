using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Media;

/// <summary>The permissions of the media library; other modules name them through these constants.</summary>
public sealed class MediaPermissions : IPermissionProvider
{
    public const string ManageMedia = nameof(ManageMedia);
    public const string ManageOwnMedia = nameof(ManageOwnMedia);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageMedia, "Manage the media library of organisations in scope"),
        new(ManageOwnMedia, "Manage own media", [ManageMedia]),
    ];
}
