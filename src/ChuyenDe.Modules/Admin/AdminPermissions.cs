namespace ChuyenDe.Modules.Admin;

/// <summary>
/// The permission the admin shell requires of every back-office page. Users declares it among its permissions (the
/// roles page lists it with the accounts), but the shell below Users names it, so the name lives here.
/// </summary>
public static class AdminPermissions
{
    public const string AccessAdmin = nameof(AccessAdmin);
}
