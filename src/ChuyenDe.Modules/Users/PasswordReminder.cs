using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ChuyenDe.Modules.Users;

/// <summary>
/// Remembers that someone else chose a user's password (an administrator, or the setup that generated it): a user
/// claim holding a digest of that password's hash. Until the user chooses their own, every back-office request is sent
/// to the change-password page (AccountRequirements). Changing the password changes the hash and ends it.
/// </summary>
public static class PasswordReminder
{
    public const string ClaimType = "ChuyenDe:PasswordSetByAdministrator";

    public static async Task MarkAsync(UserManager<CmsUser> users, CmsUser user)
    {
        await ClearAsync(users, user);
        if (user.PasswordHash is { } hash)
        {
            await users.AddClaimAsync(user, new Claim(ClaimType, Digest(hash)));
        }
    }

    /// <summary>Whether the user still has the password an administrator set (a stale reminder is removed).</summary>
    public static async Task<bool> IsDueAsync(UserManager<CmsUser> users, CmsUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        if (claims.Count == 0)
        {
            return false;
        }

        if (user.PasswordHash is { } hash && claims.Any(c => c.Value == Digest(hash)))
        {
            return true;
        }

        await users.RemoveClaimsAsync(user, claims);
        return false;
    }

    public static async Task ClearAsync(UserManager<CmsUser> users, CmsUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        if (claims.Count > 0)
        {
            await users.RemoveClaimsAsync(user, claims);
        }
    }

    private static string Digest(string passwordHash) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)));
}
