using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Users;

/// <summary>
/// Remembers that an administrator chose a user's password (a user claim holding a digest of that password's hash),
/// so that the user is asked to choose their own. Changing the password changes the hash and ends the reminder.
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

    private static async Task ClearAsync(UserManager<CmsUser> users, CmsUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        if (claims.Count > 0)
        {
            await users.RemoveClaimsAsync(user, claims);
        }
    }

    private static string Digest(string passwordHash) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)));
}

/// <summary>Tells a user whose password an administrator set, on the admin pages they open, to choose their own.</summary>
internal sealed class PasswordReminderFilter(
    UserManager<CmsUser> users,
    ITempDataDictionaryFactory tempData,
    IStringLocalizer<UsersResources> T) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.Result is ViewResult && HttpMethods.IsGet(http.Request.Method) && http.User.Identity?.IsAuthenticated == true
            && context.RouteData.Values["area"] is "Admin")
        {
            var data = tempData.GetTempData(http);
            if (!data.ContainsKey("Message") && await users.GetUserAsync(http.User) is { } user && await PasswordReminder.IsDueAsync(users, user))
            {
                data["Message"] = T["Your password was set by an administrator. Please choose your own with “Change password” at the top of the page."].Value;
            }
        }

        await next();
    }
}
