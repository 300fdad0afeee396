using ChuyenDe.Modules.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Counts the views of public item pages, whoever answers them: the front page cache, the output cache or the page
/// itself. An item's page says whose page it is in <see cref="PageCache.ItemPageHeader"/>, a header kept with its cached
/// copies; placed first in the pipeline (before HEAD is turned into GET and before the caches), this middleware takes the
/// header off every answer before it leaves and, for a GET answered 200 or 304 that is not a prefetch, hands the item, the
/// client's address and its User-Agent to <see cref="ViewCounter"/> (which stores neither). No database work here.
/// </summary>
internal sealed class ViewCountingMiddleware(RequestDelegate next, ViewCounter counter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if ((!isGet && !HttpMethods.IsHead(request.Method))
            || request.Path.StartsWithSegments("/admin") || request.Path.StartsWithSegments("/media"))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var answer = new ItemPageAnswer(response);
        response.OnStarting(static state =>
        {
            ((ItemPageAnswer)state).Take();
            return Task.CompletedTask;
        }, answer);

        await next(context);

        if (!response.HasStarted)
        {
            answer.Take(); // an answer without a body (304, HEAD) has not started yet
        }

        if (answer.ContentItemId is { Length: > 0 } item && isGet
            && response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && !IsPrefetch(request.Headers) && !context.RequestAborted.IsCancellationRequested)
        {
            counter.CountView(item, context.Connection.RemoteIpAddress?.ToString(), request.Headers.UserAgent.ToString());
        }
    }

    /// <summary>Requests a browser sends ahead of a possible visit (speculative loading), not visits.</summary>
    internal static bool IsPrefetch(IHeaderDictionary headers)
        => Mentions(headers["Sec-Purpose"], "prefetch") || Mentions(headers["Purpose"], "prefetch")
           || Mentions(headers["X-Purpose"], "preview") || Mentions(headers["X-Moz"], "prefetch");

    private static bool Mentions(StringValues values, string word)
    {
        foreach (var value in values)
        {
            if (value?.Contains(word, StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The item whose page was answered, taken off the answer's headers.</summary>
    private sealed class ItemPageAnswer(HttpResponse response)
    {
        public string? ContentItemId { get; private set; }

        public void Take()
        {
            if (response.Headers.TryGetValue(PageCache.ItemPageHeader, out var value))
            {
                ContentItemId ??= value.ToString();
                response.Headers.Remove(PageCache.ItemPageHeader);
            }
        }
    }
}
