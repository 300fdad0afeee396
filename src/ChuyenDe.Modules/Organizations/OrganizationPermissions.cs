namespace ChuyenDe.Modules.Organizations;

/// <summary>
/// The permission of the organisations admin. Users declares it among its permissions (the roles page lists it with
/// the accounts), but Organizations below Users names it, so the name lives here.
/// </summary>
public static class OrganizationPermissions
{
    public const string ManageOrganizations = nameof(ManageOrganizations);
}
