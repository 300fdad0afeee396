using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Users;

/// <summary>A role with the permissions it grants (<see cref="Effective"/> adds the implied ones) and how many users hold it.</summary>
public sealed record RoleInfo(string Id, string Name, string Description, IReadOnlySet<string> Permissions, IReadOnlySet<string> Effective, int UserCount)
{
    public bool IsAdministrator => Name == RoleNames.Administrator;

    /// <summary>Authenticated and Anonymous: held implicitly by everyone signed in / every visitor, never assigned.</summary>
    public bool IsImplicit => Name is RoleNames.Authenticated or RoleNames.Anonymous;
}

/// <summary>The roles with their permissions (kept for the request).</summary>
public interface IRoleCatalog
{
    Task<IReadOnlyList<RoleInfo>> ListAsync(CancellationToken ct = default);

    /// <summary>The permissions together with every permission they imply.</summary>
    IReadOnlySet<string> Effective(IEnumerable<string> granted);

    /// <summary>What a signed-in user holding these roles may do (the Authenticated role included).</summary>
    IReadOnlySet<string> EffectiveFor(IEnumerable<RoleInfo> roles, IReadOnlyList<RoleInfo> all);

    /// <summary>Forgets the roles read so far, after a change.</summary>
    void Invalidate();
}

/// <summary>Who may grant what.</summary>
public static class RoleRules
{
    /// <summary>
    /// Whether the user may give or take away the role: administrators any role; others never the Administrator role
    /// and only roles granting nothing they do not hold themselves. The implicit roles are never assigned.
    /// </summary>
    public static bool CanAssign(UserScope actor, RoleInfo role)
        => !role.IsImplicit && (actor.IsAdministrator || (!role.IsAdministrator && role.Effective.All(actor.Permissions.Contains)));

    /// <summary>Whether the user may manage an account holding these roles (no one gains power over a stronger account).</summary>
    public static bool CanManageHolderOf(UserScope actor, IEnumerable<RoleInfo> roles)
        => actor.IsAdministrator || roles.All(r => CanAssign(actor, r));
}

internal sealed class RoleCatalog(DbContext db, IPermissionService permissions) : IRoleCatalog
{
    private IReadOnlyList<RoleInfo>? _roles;

    public async Task<IReadOnlyList<RoleInfo>> ListAsync(CancellationToken ct = default)
    {
        if (_roles is not null)
        {
            return _roles;
        }

        var roles = await db.Set<CmsRole>().AsNoTracking().ToListAsync(ct);
        var claims = await db.Set<IdentityRoleClaim<string>>().AsNoTracking()
            .Where(c => c.ClaimType == PermissionClaims.Type)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync(ct);
        var counts = await db.Set<IdentityUserRole<string>>().AsNoTracking()
            .GroupBy(r => r.RoleId)
            .Select(g => new { RoleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RoleId, g => g.Count, ct);
        var byRole = claims.Where(c => c.ClaimValue is not null).ToLookup(c => c.RoleId, c => c.ClaimValue!);
        var all = permissions.AllPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return _roles = roles
            .Select(r =>
            {
                var granted = byRole[r.Id].ToHashSet(StringComparer.Ordinal);
                var effective = r.Name == RoleNames.Administrator ? all : Effective(granted);
                return new RoleInfo(r.Id, r.Name ?? "", r.Description, granted, effective, counts.GetValueOrDefault(r.Id));
            })
            .OrderBy(r => r.IsImplicit).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlySet<string> Effective(IEnumerable<string> granted)
    {
        var result = new HashSet<string>(granted, StringComparer.Ordinal);
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var permission in permissions.AllPermissions)
            {
                if (permission.ImpliedBy is { } by && !result.Contains(permission.Name) && by.Any(result.Contains))
                {
                    result.Add(permission.Name);
                    grew = true;
                }
            }
        }

        return result;
    }

    public IReadOnlySet<string> EffectiveFor(IEnumerable<RoleInfo> roles, IReadOnlyList<RoleInfo> all)
    {
        var held = roles.ToList();
        if (held.Any(r => r.IsAdministrator))
        {
            return permissions.AllPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        }

        var authenticated = all.FirstOrDefault(r => r.Name == RoleNames.Authenticated);
        return Effective(held.SelectMany(r => r.Permissions).Concat(authenticated?.Permissions ?? new HashSet<string>()));
    }

    public void Invalidate() => _roles = null;
}

/// <summary>Users count per organisation for the organisations admin.</summary>
internal sealed class UserOrganizationUsage(DbContext db) : IOrganizationUsage
{
    public OrganizationUsageKind Kind => OrganizationUsageKind.Users;

    public async Task<IReadOnlyDictionary<string, int>> CountByOrganizationAsync(IReadOnlyCollection<string> organizationIds, CancellationToken ct = default)
    {
        var ids = organizationIds.Distinct().ToList();
        return await db.Set<CmsUser>().AsNoTracking()
            .Where(u => ids.Contains(u.OrganizationId))
            .GroupBy(u => u.OrganizationId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, StringComparer.Ordinal, ct);
    }
}
