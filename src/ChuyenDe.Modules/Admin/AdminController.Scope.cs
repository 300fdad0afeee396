using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Admin;

/// <summary>
/// The one way an admin action gets the signed-in user's scope: it is loaded before every action (except one that allows
/// anonymous visitors) and the visitor is challenged when there is none, so an action reads <see cref="Scope"/> and
/// cannot forget the check.
/// </summary>
public abstract partial class AdminController
{
    private UserScope? _scope;

    /// <summary>The signed-in user's scope; there always is one while an action of the admin runs.</summary>
    protected UserScope Scope => _scope ?? throw new InvalidOperationException(
        $"{GetType().Name}: the user's scope is read by an action that allows anonymous visitors; it is loaded only for signed-in actions.");

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            var scopes = HttpContext.RequestServices.GetRequiredService<IUserScopeService>();
            _scope = await scopes.GetAsync(User, HttpContext.RequestAborted);
            if (_scope is null)
            {
                context.Result = Challenge();
                return;
            }
        }

        await base.OnActionExecutionAsync(context, next);
    }
}
