namespace ChuyenDe.Modules.Caching;

/// <summary>The kinds of <see cref="CacheInvalidation"/> this module sends; a cache of another module adds its own name.</summary>
public static class CacheInvalidationKinds
{
    /// <summary>Tags of public pages: each node evicts its <see cref="FrontPageCache"/> (the output cache's store is shared).</summary>
    public const string PageTags = "page-tags";

    /// <summary>Keys of the <see cref="ReferenceDataCache"/>.</summary>
    public const string ReferenceData = "reference-data";
}
