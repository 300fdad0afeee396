using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Users;

/// <summary>One page of the users list, with the filters as understood (a role that does not exist is no filter).</summary>
public sealed record UserListing(
    IReadOnlyList<UserRow> Rows,
    int Total,
    int Page,
    int PageCount,
    string? Query,
    string? OrganizationId,
    string? Role,
    IReadOnlyList<OrganizationChoice> Organizations,
    IReadOnlyList<RoleInfo> Roles);
