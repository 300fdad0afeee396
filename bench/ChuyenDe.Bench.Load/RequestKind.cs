namespace ChuyenDe.Bench.Load;

public enum RequestKind
{
    /// <summary>An anonymous public page: home, library, lists, item pages (from the sitemap).</summary>
    Page,

    /// <summary>An anonymous search, Vietnamese words with and without tone marks.</summary>
    Search,

    /// <summary>A signed-in editor opens an edit form and saves a draft (two requests, never output-cached).</summary>
    Edit,
}
