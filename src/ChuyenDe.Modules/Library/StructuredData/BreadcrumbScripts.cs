using System.Collections.Concurrent;
using System.Text;

namespace ChuyenDe.Modules.Library.StructuredData;

/// <summary>
/// The written BreadcrumbList of a trail (<see cref="StructuredDataNodes.BreadcrumbList"/> serialized by
/// <see cref="JsonLd.Serialize"/>), kept by everything it is made of: the site's base address and every step's text and
/// address. A trail that changes (a renamed item, a moved page, another address) is another key, so a kept one is never
/// stale and nothing needs evicting; the set is bounded (emptied when full). Saves building and writing a JSON tree on
/// every page below the home.
/// </summary>
public static class BreadcrumbScripts
{
    /// <summary>How many trails are kept at most (each a few hundred characters).</summary>
    public const int MaxCount = 4096;

    private static readonly ConcurrentDictionary<string, string> Written = new(StringComparer.Ordinal);

    /// <summary>The BreadcrumbList of <paramref name="trail"/> as JSON, its addresses made absolute below <paramref name="baseUrl"/>.</summary>
    public static string Json(IReadOnlyList<Crumb> trail, string baseUrl, Func<string, string> absolute)
    {
        var key = new StringBuilder(baseUrl.Length + (trail.Count * 48)).Append(baseUrl);
        foreach (var crumb in trail)
        {
            // Separators that neither a text nor an address holds as such (control characters).
            key.Append('\u001f').Append(crumb.Text).Append('\u001e').Append(crumb.Url);
        }

        var text = key.ToString();
        if (Written.TryGetValue(text, out var json))
        {
            return json;
        }

        json = JsonLd.Serialize(StructuredDataNodes.BreadcrumbList(trail, absolute));
        if (Written.Count >= MaxCount)
        {
            Written.Clear();
        }

        Written.TryAdd(text, json);
        return json;
    }
}
