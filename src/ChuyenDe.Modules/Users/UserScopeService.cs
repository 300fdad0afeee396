using System.Security.Claims;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;

namespace ChuyenDe.Modules.Users;

internal sealed class UserScopeService(
    UserManager<CmsUser> users,
    IOrganizationService organizations,
    IPermissionService permissions) : IUserScopeService
{
    private readonly Dictionary<string, UserScope?> _cache = new(StringComparer.Ordinal);

    public async Task<UserScope?> GetAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true || users.GetUserId(principal) is not { } userId)
        {
            return null;
        }

        if (_cache.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        UserScope? scope = null;
        var user = await users.FindByIdAsync(userId);
        if (user is not null && !PermissionService.IsDisabled(user))
        {
            var organization = await organizations.GetAsync(user.OrganizationId, ct);
            var granted = await permissions.GetPermissionsAsync(principal, ct);
            var isAdministrator = await users.IsInRoleAsync(user, RoleNames.Administrator);
            var subtree = organization is { Active: true }
                ? await organizations.GetSubtreeIdsAsync(organization.Id, ct)
                : new HashSet<string>();
            scope = new UserScope(user.Id, user.UserName ?? "", string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName,
                user.OrganizationId, organization?.Kind.ToString(), subtree, granted, isAdministrator);
        }

        _cache[userId] = scope;
        return scope;
    }
}
