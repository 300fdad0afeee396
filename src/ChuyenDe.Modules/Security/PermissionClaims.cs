namespace ChuyenDe.Modules.Security;

public static class PermissionClaims
{
    /// <summary>Claim type of a permission held by a role.</summary>
    public const string Type = "Permission";
}
