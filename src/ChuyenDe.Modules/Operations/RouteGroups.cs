using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// The few groups a request's path falls in, a tag (<see cref="TagName"/>) of the request metrics that stays
/// low-cardinality whatever the paths: <c>health</c> (this module's endpoints), <c>admin</c>, <c>media</c>,
/// <c>search</c>, <c>feeds</c> (feeds, sitemaps, robots.txt, calendars), <c>oai</c>, <c>static</c> (wwwroot's files)
/// and <c>public</c> (every other page of the public site).
/// </summary>
public static class RouteGroups
{
    public const string TagName = "route_group";

    public const string Health = "health";
    public const string Admin = "admin";
    public const string Media = "media";
    public const string Search = "search";
    public const string Feeds = "feeds";
    public const string Oai = "oai";
    public const string Static = "static";
    public const string Public = "public";

    public static string Of(PathString path)
    {
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics"))
        {
            return Health;
        }

        if (path.StartsWithSegments("/admin"))
        {
            return Admin;
        }

        if (path.StartsWithSegments("/media"))
        {
            return Media;
        }

        if (path.StartsWithSegments("/tim-kiem"))
        {
            return Search;
        }

        if (path.StartsWithSegments("/oai"))
        {
            return Oai;
        }

        if (path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.svg")
            || path.StartsWithSegments("/favicon.ico"))
        {
            return Static;
        }

        var value = path.Value ?? "";
        if (value.EndsWith("/feed", StringComparison.Ordinal) || value.EndsWith("/feed/atom", StringComparison.Ordinal)
            || value.EndsWith(".ics", StringComparison.Ordinal) || value.Equals("/robots.txt", StringComparison.Ordinal)
            || (value.StartsWith("/sitemap", StringComparison.Ordinal) && value.EndsWith(".xml", StringComparison.Ordinal)))
        {
            return Feeds;
        }

        return Public;
    }
}
