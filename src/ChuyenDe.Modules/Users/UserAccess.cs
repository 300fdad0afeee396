namespace ChuyenDe.Modules.Users;

/// <summary>Whether the acting user may manage an account: found, unknown or outside their scope (404), or refused (403).</summary>
public enum UserAccess
{
    Found,
    NotFound,
    Forbidden,
}
