namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Drops the keys of one in-process cache when another node says they changed (see <see cref="ICacheInvalidationBus"/>).
/// Register with <see cref="CachingModule.AddCacheInvalidationHandler{THandler}"/>; runs on the bus's thread, so it is quick.
/// </summary>
public interface ICacheInvalidationHandler
{
    /// <summary>The <see cref="CacheInvalidation.Kind"/> this handler applies.</summary>
    string Kind { get; }

    void Invalidate(IReadOnlyList<string> keys);
}
