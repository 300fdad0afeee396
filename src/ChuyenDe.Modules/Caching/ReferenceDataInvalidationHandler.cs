namespace ChuyenDe.Modules.Caching;

/// <summary>Another node committed a change of reference data: this node reads the keys again.</summary>
internal sealed class ReferenceDataInvalidationHandler(ReferenceDataCache cache) : ICacheInvalidationHandler
{
    public string Kind => CacheInvalidationKinds.ReferenceData;

    public void Invalidate(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            cache.Invalidate(key);
        }
    }
}
