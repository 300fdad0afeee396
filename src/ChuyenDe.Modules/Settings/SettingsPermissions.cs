using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Settings;

/// <summary>The permissions of the site settings; other modules name them through these constants.</summary>
public sealed class SettingsPermissions : IPermissionProvider
{
    public const string ManageSettings = nameof(ManageSettings);

    public IEnumerable<Permission> GetPermissions() => [new(ManageSettings, "Manage site settings")];
}
