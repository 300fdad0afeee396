using System.Text.Encodings.Web;
using ChuyenDe.Modules.Caching;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// <c>&lt;fragment-cache key="…" tags="…"&gt;…&lt;/fragment-cache&gt;</c>: the rendered HTML of its content kept in the
/// <see cref="FragmentCache"/> under the key, with the given tags and those the content gave the page while it was
/// rendered (<see cref="PageCache.Tag"/>), evicted with the pages carrying them. The key must name everything the content
/// shows that is not covered by the tags (the version, the site's address, the current menu entry…). Without a key the
/// content is rendered every time. A kept fragment tags the page being answered as its rendering did.
/// </summary>
[HtmlTargetElement("fragment-cache")]
public sealed class FragmentCacheTagHelper(FragmentCache cache, HtmlEncoder encoder) : TagHelper
{
    /// <summary>The fragment's key (null or empty: not kept).</summary>
    public string? Key { get; set; }

    /// <summary>The cache tags of what the fragment shows.</summary>
    public IEnumerable<string>? Tags { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (string.IsNullOrEmpty(Key))
        {
            return;
        }

        var httpContext = ViewContext.HttpContext;
        if (cache.TryGet<Fragment>(Key) is { } kept)
        {
            PageCache.Tag(httpContext, kept.Tags);
            output.Content.SetHtmlContent(kept.Html);
            return;
        }

        var generation = cache.Generation;
        string html;
        HashSet<string> tags;
        using (var collected = FragmentCache.CollectTags(httpContext))
        {
            collected.AddRange(Tags ?? []);
            var content = await output.GetChildContentAsync(useCachedResult: false);
            using var writer = new StringWriter();
            content.WriteTo(writer, encoder);
            html = writer.ToString();
            tags = new HashSet<string>(collected.Tags, StringComparer.Ordinal);
        }

        PageCache.Tag(httpContext, tags);
        cache.Keep(Key, new Fragment(html, tags), html.Length, tags, generation);
        output.Content.SetHtmlContent(html);
    }

    private sealed record Fragment(string Html, IReadOnlySet<string> Tags);
}
