using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Users;

/// <summary>The permissions of accounts, roles and organisations; other modules name them through these constants.</summary>
public sealed class UsersPermissions : IPermissionProvider
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageRoles = nameof(ManageRoles);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(AdminPermissions.AccessAdmin, "Use the administration area"),
        new(ManageUsers, "Manage users"),
        new(OrganizationPermissions.ManageOrganizations, "Manage organisations"),
        new(ManageRoles, "Manage roles and their permissions"),
    ];
}
