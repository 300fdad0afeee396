using Ganss.Xss;
using ChuyenDe.Modules.Contents;
using Markdig;

namespace ChuyenDe.Modules.Fields.Rendering;

internal sealed class ContentHtmlRenderer : IContentHtmlRenderer
{
    /// <summary>
    /// The prefix of every id in author content (<c>nd</c> for <c>nội dung</c>): an author's <c>id="noi-dung"</c>
    /// becomes <c>nd-noi-dung</c>, so it can neither take the place of the page's own ids (the skip link's
    /// <c>#noi-dung</c>, the search box) nor clobber DOM properties.
    /// </summary>
    public const string IdPrefix = "nd-";

    /// <summary>Attributes whose value is a list of ids of the same document.</summary>
    private static readonly string[] IdReferenceAttributes = ["for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"];

    /// <summary>Attributes whose value is an address.</summary>
    private static readonly string[] UrlAttributes = ["href", "src", "cite", "action", "formaction", "poster", "background", "longdesc", "usemap"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string RenderMarkdown(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    public string SanitizeHtml(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                ScopeIds(element);
                GuardNetworkPaths(element);
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// Ids get <see cref="IdPrefix"/>, and so do the references to them (<c>href="#x"</c>, <c>usemap</c>, <c>for</c>,
    /// <c>headers</c>, <c>aria-*</c>), so in-page links of the author's text keep working (Markdown heading ids and
    /// footnotes included). <c>name</c> attributes, which also clobber the DOM, are removed; an old-style anchor
    /// <c>&lt;a name="x"&gt;</c> becomes <c>&lt;a id="nd-x"&gt;</c>.
    /// </summary>
    private static void ScopeIds(AngleSharp.Dom.IElement element)
    {
        if (element.GetAttribute("name") is { } name)
        {
            element.RemoveAttribute("name");
            if (element.LocalName == "a" && !element.HasAttribute("id") && name.Trim().Length > 0)
            {
                element.SetAttribute("id", name.Trim());
            }
        }

        if (element.GetAttribute("id") is { } id)
        {
            if (id.Trim().Length == 0)
            {
                element.RemoveAttribute("id");
            }
            else
            {
                element.SetAttribute("id", IdPrefix + id.Trim());
            }
        }

        foreach (var attribute in IdReferenceAttributes)
        {
            if (element.GetAttribute(attribute) is { } ids)
            {
                element.SetAttribute(attribute, string.Join(' ', ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(i => IdPrefix + i)));
            }
        }

        foreach (var attribute in (string[])["href", "usemap"])
        {
            if (element.GetAttribute(attribute) is { Length: > 1 } target && target.StartsWith('#'))
            {
                element.SetAttribute(attribute, "#" + IdPrefix + target[1..]);
            }
        }
    }

    /// <summary>
    /// Addresses that look site-relative but lead to another host (<see cref="LinkUrls.IsNetworkPathReference"/>):
    /// <c>//host</c> is kept as the external link it is, with the <c>rel</c> of external links; the forms with a
    /// backslash, a tab or a line break (<c>/\host</c>, <c>\\host</c>), which only a browser's error correction makes
    /// an address, are removed. Links to http(s) addresses get the <c>rel</c> of external links too.
    /// </summary>
    private static void GuardNetworkPaths(AngleSharp.Dom.IElement element)
    {
        foreach (var attribute in UrlAttributes)
        {
            if (element.GetAttribute(attribute) is { } url && LinkUrls.IsNetworkPathReference(url)
                && !url.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                element.RemoveAttribute(attribute);
            }
        }

        if (element.LocalName == "a" && element.GetAttribute("href") is { } href
            && (href.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase) || LinkUrls.IsNetworkPathReference(href)))
        {
            element.SetAttribute("rel", "noopener noreferrer");
        }
    }
}
