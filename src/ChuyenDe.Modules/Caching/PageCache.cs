using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace ChuyenDe.Modules.Caching;

/// <summary>What a public page's action says about its cached copy.</summary>
public static class PageCache
{
    /// <summary>The name of the output-cache policy of anonymous public pages: <c>[OutputCache(PolicyName = PageCache.PolicyName)]</c>.</summary>
    public const string PolicyName = "PublicPage";

    /// <summary>Tags the page being answered with what it shows, so that a change of it evicts the page.</summary>
    public static void Tag(HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }
}
