using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Users;

/// <summary>
/// What a signed-in user must do before using the back office: choose their own password when it was generated at
/// setup or set by an administrator, then turn on two-step sign-in when one of their roles requires it
/// (<see cref="SiteSettings.TwoFactorRequiredRoles"/>). Until then every <c>/admin</c> request is sent to that page.
/// </summary>
public static class AccountRequirements
{
    public static IApplicationBuilder UseAccountRequirements(this IApplicationBuilder app) => app.UseMiddleware<AccountRequirementsMiddleware>();

    /// <summary>Pages reachable whatever is still required: signing in and out, the access-denied page.</summary>
    internal static bool AlwaysOpen(PathString path)
        => path.StartsWithSegments(AdminModule.SignInPath) || path.StartsWithSegments("/admin/dang-xuat") || path.StartsWithSegments("/admin/tu-choi");
}

internal sealed class AccountRequirementsMiddleware(RequestDelegate next)
{
    // The services are resolved only for a signed-in user's admin request: resolving the user manager builds a database
    // context, which for every anonymous public page (most of the traffic) was most of the request's cost.
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.Identity?.IsAuthenticated != true || !path.StartsWithSegments("/admin") || AccountRequirements.AlwaysOpen(path))
        {
            await next(context);
            return;
        }

        var users = context.RequestServices.GetRequiredService<UserManager<CmsUser>>();
        var settings = context.RequestServices.GetRequiredService<ISiteSettingsService>();

        CmsUser? user = null;
        if (context.User.HasClaim(c => c.Type == PasswordReminder.ClaimType)
            && (user = await users.GetUserAsync(context.User)) is not null
            && await PasswordReminder.IsDueAsync(users, user))
        {
            if (!path.StartsWithSegments(AccountController.ChangePasswordPath))
            {
                context.Response.Redirect(AccountController.ChangePasswordPath);
                return;
            }
        }
        else if (!path.StartsWithSegments(TwoFactorController.PagePath) && !path.StartsWithSegments(AccountController.ChangePasswordPath)
                 && (await settings.GetAsync(context.RequestAborted)).TwoFactorRequiredRoles is { Count: > 0 } roles
                 && roles.Any(context.User.IsInRole)
                 && (user ?? await users.GetUserAsync(context.User)) is { } current
                 && !await users.GetTwoFactorEnabledAsync(current))
        {
            context.Response.Redirect(TwoFactorController.PagePath);
            return;
        }

        await next(context);
    }
}
