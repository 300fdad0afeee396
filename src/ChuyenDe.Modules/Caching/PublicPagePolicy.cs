using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Anonymous GET (and HEAD) answers of public pages are cached, varied by every query parameter and by the encoding the
/// client accepts (the cache holds the compressed body). Never cached: requests of signed-in users or with an
/// Authorization header, answers other than 200, answers that set a cookie, and answers that forbid storing (pages
/// with an anti-forgery token say <c>no-store</c>).
/// </summary>
internal sealed class PublicPagePolicy(IOptionsMonitor<PageCacheOptions> options) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var settings = options.CurrentValue;
        var attempt = settings.Enabled
                      && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                      && context.HttpContext.User.Identity?.IsAuthenticated != true
                      && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(Math.Max(1, settings.Minutes));
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["encoding"] = AcceptedEncoding(request);
        context.Tags.Add(CacheTags.Site);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValuesEmpty(response.Headers.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The encoding the response compression will choose, as a cache variation: br, gzip or identity (the one of higher
    /// quality; Brotli on a tie, as the compression providers are registered in that order).
    /// </summary>
    internal static string AcceptedEncoding(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        double Quality(string name) => accepted
            .Where(v => v.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || v.Value.Equals("*", StringComparison.Ordinal))
            .Select(v => v.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();
        var (br, gzip) = (Quality("br"), Quality("gzip"));
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }

    private static bool StringValuesEmpty(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0;
}
