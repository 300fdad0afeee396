using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Security;

public static class SecurityModule
{
    /// <summary>Permission-based authorisation: policies <c>Permission:Name</c> checked against the user's roles.</summary>
    public static IServiceCollection AddSecurityModule(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IContentAuthorizer, ContentAuthorizer>();
        return services;
    }
}
