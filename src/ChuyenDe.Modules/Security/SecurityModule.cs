using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Security;

public static class SecurityModule
{
    /// <summary>
    /// Permission-based authorisation: policies <c>Permission:Name</c> checked against the user's roles. An endpoint that
    /// says nothing requires a signed-in user (the fallback policy, <see cref="SignedInRequirement"/>): public endpoints
    /// say <c>[AllowAnonymous]</c>.
    /// </summary>
    public static IServiceCollection AddSecurityModule(this IServiceCollection services)
    {
        services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new SignedInRequirement()).Build());
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        return services;
    }
}
