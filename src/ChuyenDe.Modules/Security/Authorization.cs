using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Security;

/// <summary>The effective permissions of a user: from their roles, implied permissions included.</summary>
public interface IPermissionService
{
    Task<IReadOnlySet<string>> GetPermissionsAsync(ClaimsPrincipal user, CancellationToken ct = default);

    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken ct = default);

    /// <summary>Every permission the modules declare.</summary>
    IReadOnlyList<Permission> AllPermissions { get; }
}

/// <summary>What the signed-in user may reach: their organisation and everything below it.</summary>
public sealed record UserScope(
    string UserId,
    string UserName,
    string DisplayName,
    string OrganizationId,
    string? OrganizationKind,
    IReadOnlySet<string> OrganizationIds,
    IReadOnlySet<string> Permissions,
    bool IsAdministrator)
{
    /// <summary>Administrators and users of a Department (the top of the tree) see items that belong to no organisation.</summary>
    public bool SeesUnassigned => IsAdministrator || OrganizationKind == "Department";

    public bool Has(string permission) => IsAdministrator || Permissions.Contains(permission);

    public bool InScope(string? organizationId)
        => IsAdministrator || (organizationId is null ? SeesUnassigned : OrganizationIds.Contains(organizationId));
}

public interface IUserScopeService
{
    /// <summary>The scope of a signed-in user, or null for anonymous visitors and unknown users.</summary>
    Task<UserScope?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default);
}

public static class UserScopeServiceExtensions
{
    /// <summary>The scope of any user by id (for checks on someone other than the signed-in user), or null.</summary>
    public static Task<UserScope?> GetByIdAsync(this IUserScopeService scopes, string userId, CancellationToken ct = default)
        => scopes.GetAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "by-id")), ct);
}

/// <summary>Requires one named permission; used through policies named <c>Permission:Name</c>.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public static class PermissionPolicy
{
    public const string Prefix = "Permission:";

    public static string For(string permission) => Prefix + permission;
}

internal sealed class PermissionHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

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

/// <summary>Makes a policy for any <c>Permission:Name</c> on demand; other names go to the default provider.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
        {
            var policy = new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[PermissionPolicy.Prefix.Length..]))
                .Build();
            return Task.FromResult<AuthorizationPolicy?>(policy);
        }

        return _fallback.GetPolicyAsync(policyName);
    }
}

/// <summary>
/// Authorises an action by permission: <c>[RequirePermission(UsersPermissions.ManageUsers)]</c>. Several add up: a controller's own
/// permission adds to the <c>AccessAdmin</c> of its base class. The usage is declared here because reflection does not
/// inherit it from <see cref="AuthorizeAttribute"/>: without it a subclass's attribute hid its base class's.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicy.For(permission));
