using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// <c>HEAD</c> is answered for every page that answers <c>GET</c>: the request is routed as a GET and its body is
/// dropped (the headers, Content-Length included, stay). Media files are left to their own endpoint, so a HEAD never
/// counts as a download.
/// </summary>
internal sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method) || context.Request.Path.StartsWithSegments("/media"))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
