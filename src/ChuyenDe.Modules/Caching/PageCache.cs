using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace ChuyenDe.Modules.Caching;

/// <summary>What a public page's action says about its cached copy.</summary>
public static class PageCache
{
    /// <summary>The name of the output-cache policy of anonymous public pages: <c>[OutputCache(PolicyName = PageCache.PolicyName)]</c>.</summary>
    public const string PolicyName = "PublicPage";

    /// <summary>
    /// The response header that names the content item a page is the page of (<see cref="MarkItemPage"/>). It travels with
    /// the answer through both levels of the cache, so that a copy answered from either still says whose page it is, and
    /// is taken off the answer before it leaves the site (the view counting of the Analytics module does so, first in the
    /// pipeline); no client sees it.
    /// </summary>
    public const string ItemPageHeader = "X-ChuyenDe-Item-Page";

    /// <summary>Marks the answer as the public page of one content item (its views are counted, cached or not).</summary>
    public static void MarkItemPage(HttpContext context, string contentItemId)
        => context.Response.Headers[ItemPageHeader] = contentItemId;

    /// <summary>
    /// Tags the page being answered with what it shows, so that a change of it evicts the page. A fragment being built (<see cref="FragmentCache.CollectTags"/>) gets the tags too.
    /// </summary>
    public static void Tag(HttpContext context, params IEnumerable<string> tags)
    {
        var cache = context.Features.Get<IOutputCacheFeature>()?.Context;
        var fragment = context.Features.Get<FragmentTags>();
        if (cache is null && fragment is null)
        {
            return;
        }

        foreach (var tag in tags)
        {
            cache?.Tags.Add(tag);
            fragment?.Add(tag);
        }
    }
}
