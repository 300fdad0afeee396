using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// First after the forwarded headers: tags the request's metrics with its <see cref="RouteGroups">route group</see> (also
/// for answers the page caches give before routing, which carry no route), and answers 404 to a client outside
/// <see cref="OperationsOptions.AllowedNetworks"/> asking for <c>/health/…</c> or <c>/metrics</c>, as if they did not
/// exist. The client's address is the connection's after <c>UseForwardedHeaders</c>: behind a proxy that the site
/// trusts, the address the proxy names; a proxy that is not trusted is the client itself.
/// </summary>
internal sealed class OperationsMiddleware(RequestDelegate next, AllowedNetworks allowed)
{
    public Task InvokeAsync(HttpContext context)
    {
        var group = RouteGroups.Of(context.Request.Path);
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new KeyValuePair<string, object?>(RouteGroups.TagName, group));
        if (group == RouteGroups.Health && !allowed.Allows(context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
