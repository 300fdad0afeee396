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

    /// <summary>
    /// The response header carrying a storable page's cache tags (space-separated), set at the answer's first write by
    /// <see cref="PageTagsHeaderMiddleware"/> so that the output cache keeps it with the page's headers: a node answering
    /// the page from the shared store (Redis) then knows what the copy shows and may keep it in its own front cache,
    /// evicted by the same tags. <see cref="FrontPageCacheMiddleware"/> reads it and takes it off every answer before it
    /// leaves; no client sees it.
    /// </summary>
    public const string TagsHeader = "X-ChuyenDe-Page-Tags";

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
