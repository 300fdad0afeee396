namespace ChuyenDe.Modules.Caching;

/// <summary>
/// The tags cached public pages carry, and which changes evict them. Every cached page carries <see cref="Site"/>; a
/// page adds the tags of what it shows (<see cref="PageCache.Tag"/>).
/// </summary>
public static class CacheTags
{
    /// <summary>Every cached page (site settings: name, description, navigation).</summary>
    public const string Site = "site";

    /// <summary>Pages that list items of several types or merged lists: home, library, search, curated lists, the site feed, the sitemap.</summary>
    public const string Listings = "listings";

    /// <summary>Pages that show term names (item pages, the library's and search's filters).</summary>
    public const string Terms = "terms";

    /// <summary>Pages that show the names of units (cards, item pages, filters).</summary>
    public const string Organizations = "organizations";

    /// <summary>Pages that show curations (badges, the home page's featured blocks, the curated lists).</summary>
    public const string Curations = "curations";

    /// <summary>Pages built from the search index (the library, search results): evicted when the index has new writes.</summary>
    public const string SearchResults = "search-results";

    /// <summary>What shows a content type's name or its fields' roles (kept card models): evicted when a definition changes.</summary>
    public const string Definitions = "definitions";

    /// <summary>The page of one item.</summary>
    public static string Item(string contentItemId) => "item:" + contentItemId;

    /// <summary>The pages that list one content type (its list and its feed).</summary>
    public static string Type(string contentType) => "type:" + contentType;
}
