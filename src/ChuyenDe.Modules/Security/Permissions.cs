namespace ChuyenDe.Modules.Security;

/// <summary>A named permission (Orchard Core style); holding any of <see cref="ImpliedBy"/> grants it too.</summary>
public sealed record Permission(string Name, string Description, IReadOnlyList<string>? ImpliedBy = null);

/// <summary>Each module declares its permissions and which default roles hold them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}

public static class PermissionClaims
{
    /// <summary>Claim type of a permission held by a role.</summary>
    public const string Type = "Permission";
}
