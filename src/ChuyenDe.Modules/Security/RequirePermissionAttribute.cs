using Microsoft.AspNetCore.Authorization;

namespace ChuyenDe.Modules.Security;

/// <summary>
/// Authorises an action by permission: <c>[RequirePermission(UsersPermissions.ManageUsers)]</c>. Several add up: a controller's own
/// permission adds to the <c>AccessAdmin</c> of its base class. The usage is declared here because reflection does not
/// inherit it from <see cref="AuthorizeAttribute"/>: without it a subclass's attribute hid its base class's.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicy.For(permission));
