using System.Security.Claims;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Users;

/// <summary>
/// Permissions from role claims. Signed-in users also hold the Authenticated role's permissions, visitors the
/// Anonymous role's; the Administrator role holds every permission. Implied permissions are added transitively.
/// Results are kept for the request (scoped).
/// </summary>
internal sealed class PermissionService(
    IEnumerable<IPermissionProvider> providers,
    RoleManager<CmsRole> roles,
    UserManager<CmsUser> users,
    DbContext db) : IPermissionService
{
    private readonly Dictionary<string, IReadOnlySet<string>> _byUser = new(StringComparer.Ordinal);
    private IReadOnlyList<Permission>? _all;

    public IReadOnlyList<Permission> AllPermissions => _all ??= providers.SelectMany(p => p.GetPermissions())
        .GroupBy(p => p.Name).Select(g => g.First()).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken ct = default)
        => (await GetPermissionsAsync(user, ct)).Contains(permission);

    public async Task<IReadOnlySet<string>> GetPermissionsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? users.GetUserId(user) : null;
        var key = userId ?? "";
        if (_byUser.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var roleNames = new List<string>();
        if (userId is not null && await users.FindByIdAsync(userId) is { } cmsUser && !IsDisabled(cmsUser))
        {
            roleNames.AddRange(await users.GetRolesAsync(cmsUser));
            roleNames.Add(RoleNames.Authenticated);
        }
        else
        {
            roleNames.Add(RoleNames.Anonymous);
        }

        var granted = new HashSet<string>(StringComparer.Ordinal);
        if (roleNames.Contains(RoleNames.Administrator))
        {
            granted.UnionWith(AllPermissions.Select(p => p.Name));
        }
        else
        {
            var normalized = roleNames.Select(roles.NormalizeKey).ToList();
            var claims = await (from role in db.Set<CmsRole>()
                                join claim in db.Set<IdentityRoleClaim<string>>() on role.Id equals claim.RoleId
                                where normalized.Contains(role.NormalizedName!) && claim.ClaimType == PermissionClaims.Type
                                select claim.ClaimValue!).ToListAsync(ct);
            granted.UnionWith(claims);
            AddImplied(granted);
        }

        _byUser[key] = granted;
        return granted;
    }

    /// <summary>
    /// An account an administrator locked (lockout end at the far future) holds nothing. The temporary lockout after
    /// failed sign-ins only blocks new sign-ins: it must not let a stranger end someone's open session.
    /// </summary>
    internal static bool IsDisabled(CmsUser user) => user.LockoutEnd is { } end && end >= DateTimeOffset.MaxValue.AddYears(-1);

    private void AddImplied(HashSet<string> granted)
    {
        bool added;
        do
        {
            added = false;
            foreach (var permission in AllPermissions)
            {
                if (!granted.Contains(permission.Name) && permission.ImpliedBy is { } impliedBy && impliedBy.Any(granted.Contains))
                {
                    granted.Add(permission.Name);
                    added = true;
                }
            }
        }
        while (added);
    }
}
