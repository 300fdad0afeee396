using ChuyenDe.Modules.Contents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// The addresses items may not take, computed from the running site: the first literal segment of every registered
/// route, the top-level files and folders of <c>wwwroot</c>, and a fixed list of prefixes kept for features to come.
/// </summary>
/// <remarks>
/// A route of several segments (<c>/admin/…</c>, <c>/media/{**path}</c>, <c>/loi/{code}</c>, <c>/tim-kiem/goi-y</c>)
/// reserves its whole first segment: <c>admin</c>, <c>admin/x</c> and so on. A route of one segment only (the lists
/// <c>/sang-kien</c>, <c>/tin-tuc</c>, <c>/kho-hoc-lieu</c> …) reserves exactly that address, because the items of the
/// list live below it (<c>sang-kien/doi-moi-gio-an</c>) and are answered by the item route. Routes whose first
/// segment is a parameter (the item route <c>{**path}</c>) reserve nothing; the news category pages
/// (<c>/tin-tuc/{category}</c>) reserve their categories' addresses (<see cref="IsReservedAsync"/>). The set follows the endpoint data
/// source's change token, so endpoints added later are reserved as well.
/// </remarks>
internal sealed class SiteReservedPaths(IServiceProvider services) : IReservedPaths
{
    /// <summary>
    /// Prefixes reserved for features to come and for well-known addresses of the web. The routes of today
    /// (<c>admin</c>, <c>media</c>, <c>tim-kiem</c>, <c>loi</c> …) and the folders of <c>wwwroot</c> (<c>css</c>,
    /// <c>js</c>) are found at run time and need no entry here.
    /// </summary>
    public static readonly IReadOnlyList<string> FuturePrefixes =
    [
        "lib", "img", "fonts", "feed", "rss", "atom", "sitemap", "sitemap.xml", "robots.txt", "favicon.ico", "oai", "health", "healthz", "metrics",
        "api", ".well-known", "ket-qua", "guong-dien-hinh", "don-vi", "bao-cao", "thong-ke", "dang-nhap",
        "dang-xuat", "tai-khoan",
    ];

    private readonly Lock _gate = new();
    private (HashSet<string> Prefixes, HashSet<string> Exact)? _sets;
    private bool _watching;

    public bool IsReserved(string path)
    {
        // An empty path gives an item no route at all (the home page is not an item): nothing to reserve.
        var trimmed = path.Trim().Trim('/');
        if (trimmed.Length == 0)
        {
            return false;
        }

        var (prefixes, exact) = Sets();
        var slash = trimmed.IndexOf('/');
        var first = slash < 0 ? trimmed : trimmed[..slash];
        return prefixes.Contains(first) || exact.Contains(trimmed);
    }

    /// <summary>Also the news category pages (<c>tin-tuc/goc-phu-huynh</c>), named by the terms of their taxonomy.</summary>
    public async Task<bool> IsReservedAsync(string path, CancellationToken ct = default)
    {
        if (IsReserved(path))
        {
            return true;
        }

        await using var scope = services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<News.NewsCategories>(scope.ServiceProvider).IsCategoryPathAsync(path, ct);
    }

    private (HashSet<string> Prefixes, HashSet<string> Exact) Sets()
    {
        lock (_gate)
        {
            return _sets ??= Compute();
        }
    }

    private (HashSet<string> Prefixes, HashSet<string> Exact) Compute()
    {
        var prefixes = new HashSet<string>(FuturePrefixes, StringComparer.OrdinalIgnoreCase);
        var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (services.GetService<EndpointDataSource>() is { } endpoints)
        {
            foreach (var pattern in endpoints.Endpoints.OfType<RouteEndpoint>()
                         .Where(e => e.Metadata.GetMetadata<ReservesExactPathAttribute>() is null)
                         .Select(e => e.RoutePattern))
            {
                if (pattern.PathSegments.Count > 0 && pattern.PathSegments[0].Parts is [RoutePatternLiteralPart literal])
                {
                    (pattern.PathSegments.Count == 1 ? exact : prefixes).Add(literal.Content);
                }
            }

            // A route below a list (its feed) reserves exactly its own address: the list's items share the first segment.
            foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>()
                         .Where(e => e.Metadata.GetMetadata<ReservesExactPathAttribute>() is not null))
            {
                var segments = endpoint.RoutePattern.PathSegments;
                if (segments.All(s => s.Parts is [RoutePatternLiteralPart]))
                {
                    exact.Add(string.Join('/', segments.Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content)));
                }
            }

            // Recomputed when endpoints change (none do once the site runs, but a test host may add some).
            if (!_watching)
            {
                _watching = true;
                ChangeToken.OnChange(endpoints.GetChangeToken, () =>
                {
                    lock (_gate)
                    {
                        _sets = null;
                    }
                });
            }
        }

        if (services.GetService<IWebHostEnvironment>()?.WebRootFileProvider is { } webRoot)
        {
            foreach (var entry in webRoot.GetDirectoryContents(""))
            {
                prefixes.Add(entry.Name);
            }
        }

        return (prefixes, exact);
    }
}
