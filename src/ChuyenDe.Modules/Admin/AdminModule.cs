using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Admin;

/// <summary>Marker for the admin shell's UI strings (<c>AdminResources.vi.resx</c>).</summary>
public sealed class AdminResources;

public static class AdminModule
{
    public const string SignInPath = "/admin/dang-nhap";

    /// <summary>The back office shell: sign-in, the admin layout and menu, the dashboard.</summary>
    public static IServiceCollection AddAdminModule(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".ChuyenDe.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/admin/dang-xuat";
            options.AccessDeniedPath = "/admin/tu-choi";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user without the permission gets 403 and the Vietnamese page, not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".ChuyenDe.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            // Forms validate explicitly with Vietnamese messages; no implicit English "field is required".
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.AddSingleton<IAdminMenuProvider, AdminShellMenu>();
        return services;
    }
}

internal sealed class AdminShellMenu(IStringLocalizer<AdminResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Dashboard"], "/admin", "AccessAdmin", 0),
    ];
}
