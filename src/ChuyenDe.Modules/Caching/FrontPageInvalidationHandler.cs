namespace ChuyenDe.Modules.Caching;

/// <summary>Another node evicted tags: this node's copies of the pages and the fragments carrying them go (the shared store was evicted there).</summary>
internal sealed class FrontPageInvalidationHandler(FrontPageCache front, FragmentCache fragments) : ICacheInvalidationHandler
{
    public string Kind => CacheInvalidationKinds.PageTags;

    public void Invalidate(IReadOnlyList<string> keys)
    {
        foreach (var tag in keys)
        {
            front.Evict(tag);
            fragments.Evict(tag);
        }
    }
}
