using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Admin;

/// <summary>Marker for the admin shell's UI strings (<c>AdminResources.vi.resx</c>).</summary>
public sealed class AdminResources;

public static class AdminModule
{
    public const string SignInPath = "/admin/dang-nhap";

    /// <summary>The authentication property holding when the session began (ISO 8601, UTC).</summary>
    public const string SignedInItem = ".chuyende.signedin";

    /// <summary>The back office shell: the sign-in cookie, its throttle and session lifetime, the admin layout and menu, the dashboard (the sign-in pages are Users').</summary>
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
            // Besides the sliding lifetime, a session ends AbsoluteSessionLifetime after signing in. The time of signing in
            // is kept in the ticket's properties, which survive renewals and the security stamp's refreshes.
            options.Events.OnSigningIn = context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInItem, now.ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            var validateStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var lifetime = services.GetRequiredService<IOptions<SignInOptions>>().Value.AbsoluteSessionLifetime;
                var signedIn = context.Properties.Items.TryGetValue(SignedInItem, out var text)
                               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    ? at
                    : context.Properties.IssuedUtc;
                if (signedIn is null || services.GetRequiredService<TimeProvider>().GetUtcNow() - signedIn.Value > lifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validateStamp(context);
            };
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
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SignInThrottle>();
        // One node: the counters in this process; the scale-out module replaces them with counters in Redis.
        services.TryAddSingleton<ISignInThrottle>(sp => sp.GetRequiredService<SignInThrottle>());
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.AddSingleton<IAdminMenuProvider, AdminShellMenu>();
        services.AddSingleton<IAdminMenuProvider, SiteSettingsMenu>();
        return services;
    }
}

internal sealed class AdminShellMenu(IStringLocalizer<AdminResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Dashboard"], "/admin", AdminPermissions.AccessAdmin, 0),
    ];
}
