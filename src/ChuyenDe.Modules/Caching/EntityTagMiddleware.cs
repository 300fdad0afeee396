using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Gives the anonymous answers of public pages an entity tag (a hash of the body) and answers a matching
/// <c>If-None-Match</c> with 304. Placed inside the output cache, so a cached page keeps its tag and the cache answers
/// conditional requests itself; the body is hashed once per rendering.
/// </summary>
internal sealed class EntityTagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsPublicPage(context))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new PooledBufferStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var tag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.Written.Span))[..32] + "\"";
            response.Headers.ETag = tag;
            if (Matches(context.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        // Nothing written, nothing to copy: even an empty write starts the response, and a 404 without a body must stay
        // unstarted for the status code pages to put the error page in it.
        if (buffer.Written.Length > 0)
        {
            await original.WriteAsync(buffer.Written, context.RequestAborted);
        }
    }

    private static bool IsPublicPage(HttpContext context)
        => HttpMethods.IsGet(context.Request.Method)
           && context.User.Identity?.IsAuthenticated != true
           && PublicPagePolicy.IsPublicPage(context);

    private static bool Matches(HttpRequest request, string tag)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        return header.Length > 0 && header.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == tag || t == tag[2..] || "W/" + t == tag);
    }
}
