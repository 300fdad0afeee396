using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Anonymous GET (and HEAD) answers of public pages are cached, varied by every query parameter and by the encoding the
/// response compression chooses for the request (the cache holds the compressed body). The policy of the endpoints that
/// opted in with <c>[OutputCache(PolicyName = PageCache.PolicyName)]</c>, run after routing and before authentication: a
/// request carrying the sign-in cookie or an Authorization
/// header never looks in the cache. An answer is stored only when the user turned out anonymous; never answers other than
/// 200, answers that set a cookie, answers that forbid storing (pages with an anti-forgery token say <c>no-store</c>), answers
/// in another encoding than the one they would be kept under, and pages rendered while one of their tags was evicted.
/// </summary>
internal sealed class PublicPagePolicy(
    IOptionsMonitor<PageCacheOptions> options,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IResponseCompressionProvider compression,
    FrontPageCache front,
    PageCacheMetrics metrics)
    : IOutputCachePolicy
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the eviction generation when the request started.</summary>
    internal static readonly object GenerationKey = new();

    private readonly ConcurrentDictionary<string, string> _encodings = new(StringComparer.Ordinal);
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
           && (request.Headers.Cookie.Count == 0 || !request.Cookies.ContainsKey(SignInCookie));

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var settings = options.CurrentValue;
        var attempt = settings.Enabled && MayAnswerFromCache(request) && IsPublicPage(context.HttpContext)
                      && context.HttpContext.User.Identity?.IsAuthenticated != true;
        context.HttpContext.Items.TryAdd(GenerationKey, front.Generation);
        context.EnableOutputCaching = attempt;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        // ±10 %: pages kept in the same burst (after a start, after a broad eviction) do not all expire in the same second.
        context.ResponseExpirationTimeSpan = ShortestLifetime(settings) * (1 + (0.2 / 0.9 * Random.Shared.NextDouble()));
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["encoding"] = EncodingFor(context.HttpContext);
        context.Tags.Add(CacheTags.Site);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.OutputHit();
        context.HttpContext.Items[FrontPageCacheMiddleware.FromStoreKey] = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (context.EnableOutputCaching)
        {
            metrics.Rendered();
        }

        var response = http.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (!IsPublicPage(http)
            || http.User.Identity?.IsAuthenticated == true
            || response.StatusCode != StatusCodes.Status200OK
            || !StringValuesEmpty(response.Headers.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            || !EncodingMatches(http)
            || EvictedDuring(http, context.Tags))
        {
            context.AllowCacheStorage = false;
        }
        else
        {
            http.Items[FrontPageCacheMiddleware.StorableKey] = context;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The shortest time a page is kept: its lifetime varies from 90 % to 110 % of the configured minutes.</summary>
    internal static TimeSpan ShortestLifetime(PageCacheOptions settings) => TimeSpan.FromMinutes(Math.Max(1, settings.Minutes) * 0.9);

    /// <summary>Whether the endpoint answering is a public page (it opted in to this policy).</summary>
    internal static bool IsPublicPage(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PageCache.PolicyName;

    /// <summary>
    /// The encoding the response compression chooses for this request — br, gzip or identity — as a cache variation:
    /// asked of the compression provider itself (so the key never disagrees with the body), remembered per header value.
    /// </summary>
    internal string EncodingFor(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return "identity";
        }

        var text = header.Count == 1 ? header[0] ?? "" : header.ToString();
        if (_encodings.TryGetValue(text, out var known))
        {
            return known;
        }

        var chosen = compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? "identity"
            : "identity";
        if (_encodings.Count < 512)
        {
            _encodings.TryAdd(text, chosen);
        }

        return chosen;
    }

    /// <summary>Whether the answer is in the encoding its copy is kept under (or not encoded, which every client reads).</summary>
    internal bool EncodingMatches(HttpContext context)
    {
        var sent = context.Response.Headers.ContentEncoding;
        return sent.Count == 0 || string.Equals(sent.ToString(), EncodingFor(context), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether one of the page's tags was evicted since the request started (the page may show what was evicted).</summary>
    internal bool EvictedDuring(HttpContext context, IEnumerable<string> tags)
        => context.Items.TryGetValue(GenerationKey, out var value) && value is long generation && front.EvictedSince(tags, generation);

    private static bool StringValuesEmpty(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0;
}
