using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Security;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> to a user who holds the permission. The permission service (and the
/// database context behind it) is resolved only when a permission is really checked: the authorization middleware builds
/// every handler for each request, anonymous public pages included, which then paid for a database context they never used.
/// </summary>
internal sealed class PermissionHandler(IServiceProvider services) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var permissions = services.GetRequiredService<IPermissionService>();
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
