using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChuyenDe.Modules.Security;

/// <summary>
/// The fallback policy's requirement, for endpoints that say nothing about who may reach them: a signed-in user, as
/// <c>RequireAuthenticatedUser</c>. Only a request that reached no route of the site passes without one: the router's
/// own 405 answer for a method a route does not take (say a POST to a public page) runs no code of the site, and sending
/// a visitor to sign in for it would suggest that signing in helps.
/// </summary>
public sealed class SignedInRequirement : AuthorizationHandler<SignedInRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInRequirement requirement)
    {
        if (context.User.Identities.Any(i => i.IsAuthenticated)
            || (context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
