using System.Security.Claims;

namespace ChuyenDe.Modules.Security;

public interface IUserScopeService
{
    /// <summary>The scope of a signed-in user, or null for anonymous visitors and unknown users.</summary>
    Task<UserScope?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default);
}
