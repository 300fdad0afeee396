namespace ChuyenDe.Modules.Security;

/// <summary>What the signed-in user may reach: their organisation and everything below it.</summary>
public sealed record UserScope(
    string UserId,
    string UserName,
    string DisplayName,
    string OrganizationId,
    string? OrganizationKind,
    IReadOnlySet<string> OrganizationIds,
    IReadOnlySet<string> Permissions,
    bool IsAdministrator)
{
    /// <summary>Administrators and users of a Department (the top of the tree) see items that belong to no organisation.</summary>
    public bool SeesUnassigned => IsAdministrator || OrganizationKind == "Department";

    public bool Has(string permission) => IsAdministrator || Permissions.Contains(permission);

    public bool InScope(string? organizationId)
        => IsAdministrator || (organizationId is null ? SeesUnassigned : OrganizationIds.Contains(organizationId));
}
