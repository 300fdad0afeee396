using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChuyenDe.Modules.Library;

/// <summary>A step of a page's breadcrumb trail: its text and the site path it links to.</summary>
public sealed record Crumb(string Text, string Url);

/// <summary>
/// The breadcrumb trail of the public pages below the home. A page sets <c>ViewData[Breadcrumbs.Key]</c> to the steps
/// between the home and itself (none for a page directly below the home); the layout then shows the home, those steps
/// and the current page (<c>aria-current="page"</c>). Pages that do not set it (the home, error pages) show no trail.
/// Views of modules that may not depend on this one (Search) set the same keys as strings, <c>true</c> for no steps.
/// </summary>
public static class Breadcrumbs
{
    public const string Key = "Breadcrumbs";

    /// <summary>The text of the current page in the trail when it differs from the page's title.</summary>
    public const string CurrentKey = "BreadcrumbCurrent";

    /// <summary>
    /// The whole trail a page shows — the home, the page's parents, the page itself at <paramref name="currentPath"/> —
    /// or null when the page shows none. The visible trail (in the layout, <c>_Layout.cshtml</c>) and the page's schema.org
    /// BreadcrumbList (<see cref="StructuredData.StructuredDataNodes.BreadcrumbList"/>) are both made from it.
    /// </summary>
    public static IReadOnlyList<Crumb>? Trail(ViewDataDictionary viewData, string homeText, string currentPath)
    {
        if (viewData[Key] is not (IEnumerable<Crumb> or true))
        {
            return null;
        }

        var parents = viewData[Key] as IEnumerable<Crumb> ?? [];
        var current = viewData[CurrentKey] as string ?? viewData["Title"]?.ToString() ?? "";
        return [new Crumb(homeText, "/"), .. parents, new Crumb(current, currentPath)];
    }

    /// <summary>The list an item of <paramref name="contentType"/> belongs to, or null (pages of the site).</summary>
    public static PublicList? ListOf(string contentType) => PublicList.All.FirstOrDefault(l => l.ContentType == contentType);
}
