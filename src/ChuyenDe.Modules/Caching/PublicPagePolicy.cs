using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Anonymous GET (and HEAD) answers of public pages are cached, varied by every query parameter and by the encoding the
/// client accepts (the cache holds the compressed body). The policy runs for every request at the start of the pipeline
/// (a base policy), before authentication: a request carrying the sign-in cookie or an Authorization header, and the
/// back office and media addresses, never look in the cache. An answer is stored only when its endpoint opted in with
/// <c>[OutputCache(PolicyName = PageCache.PolicyName)]</c> and the user turned out anonymous; never answers other than 200,
/// answers that set a cookie, and answers that forbid storing (pages with an anti-forgery token say <c>no-store</c>).
/// </summary>
internal sealed class PublicPagePolicy(IOptionsMonitor<PageCacheOptions> options, IOptionsMonitor<CookieAuthenticationOptions> cookies)
    : IOutputCachePolicy
{
    private string? _signInCookie;

    /// <summary>The name of the sign-in cookie (Identity's application scheme, named by the Admin module).</summary>
    private string SignInCookie => _signInCookie ??=
        cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme;

    /// <summary>
    /// Whether the request may be answered from a cached copy, decided before authentication: GET or HEAD, outside the
    /// back office and media, without an Authorization header or the sign-in cookie (a signed-in user never gets a copy).
    /// </summary>
    internal bool MayAnswerFromCache(HttpRequest request)
        => (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
           && !request.Path.StartsWithSegments("/admin") && !request.Path.StartsWithSegments("/media")
           && !request.Headers.ContainsKey(HeaderNames.Authorization)
           && !request.Cookies.ContainsKey(SignInCookie);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var settings = options.CurrentValue;
        var attempt = settings.Enabled && MayAnswerFromCache(request) && context.HttpContext.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = attempt;
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
        var http = context.HttpContext;
        var response = http.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (!IsPublicPage(http)
            || http.User.Identity?.IsAuthenticated == true
            || response.StatusCode != StatusCodes.Status200OK
            || !StringValuesEmpty(response.Headers.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }
        else
        {
            http.Items[FrontPageCacheMiddleware.StorableKey] = context;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Whether the endpoint answering is a public page (it opted in to this policy).</summary>
    internal static bool IsPublicPage(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PageCache.PolicyName;

    /// <summary>
    /// The encoding the response compression will choose, as a cache variation: br, gzip or identity (the one of higher
    /// quality; Brotli on a tie, as the compression providers are registered in that order).
    /// </summary>
    internal static string AcceptedEncoding(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return "identity";
        }

        double br = 0, gzip = 0, any = 0;
        bool sawBr = false, sawGzip = false;
        foreach (var line in header)
        {
            foreach (var part in (line ?? "").AsSpan().Split(','))
            {
                var item = (line ?? "").AsSpan()[part].Trim();
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1 : Quality(item[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    (br, sawBr) = (Math.Max(br, quality), true);
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    (gzip, sawGzip) = (Math.Max(gzip, quality), true);
                }
                else if (name.SequenceEqual("*"))
                {
                    any = Math.Max(any, quality);
                }
            }
        }

        // A coding not named takes the quality of "*" (RFC 9110 12.5.3).
        br = sawBr ? br : any;
        gzip = sawGzip ? gzip : any;
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }

    /// <summary>The q value of an Accept-Encoding item's parameters (1 when absent, 0 when unreadable).</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        var trimmed = parameters.Trim();
        if (!trimmed.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return double.TryParse(trimmed[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q)
            ? Math.Clamp(q, 0, 1)
            : 0;
    }

    private static bool StringValuesEmpty(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0;
}
