using System.Security.Claims;

namespace ChuyenDe.Modules.Security;

public static class UserScopeServiceExtensions
{
    /// <summary>The scope of any user by id (for checks on someone other than the signed-in user), or null.</summary>
    public static Task<UserScope?> GetByIdAsync(this IUserScopeService scopes, string userId, CancellationToken ct = default)
        => scopes.GetAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "by-id")), ct);
}
