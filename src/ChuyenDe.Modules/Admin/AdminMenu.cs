using System.Security.Claims;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Admin;

/// <summary>An entry of the admin menu, shown only to users holding <see cref="Permission"/>.</summary>
public sealed record AdminMenuItem(string Group, string Text, string Url, string Permission, int Order = 0);

/// <summary>Each module adds its admin menu entries (already in the UI language).</summary>
public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}

public interface IAdminMenu
{
    Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

internal sealed class AdminMenu(IEnumerable<IAdminMenuProvider> providers, IPermissionService permissions) : IAdminMenu
{
    public async Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var granted = await permissions.GetPermissionsAsync(user, ct);
        return providers.SelectMany(p => p.GetItems())
            .Where(i => granted.Contains(i.Permission))
            .OrderBy(i => i.Order)
            .GroupBy(i => i.Group)
            .ToList();
    }
}
