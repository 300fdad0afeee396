using System.Security.Claims;

namespace ChuyenDe.Modules.Security;

/// <summary>The effective permissions of a user: from their roles, implied permissions included.</summary>
public interface IPermissionService
{
    Task<IReadOnlySet<string>> GetPermissionsAsync(ClaimsPrincipal user, CancellationToken ct = default);

    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken ct = default);

    /// <summary>Every permission the modules declare.</summary>
    IReadOnlyList<Permission> AllPermissions { get; }
}
