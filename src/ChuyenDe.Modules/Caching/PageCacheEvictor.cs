using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Evicts the cached public pages and page fragments (<see cref="FragmentCache"/>) carrying a tag: on this node, in the output cache's store (shared by the nodes when it
/// is Redis) and, through the <see cref="ICacheInvalidationBus"/>, on the other nodes.
/// </summary>
public interface IPageCacheEvictor
{
    /// <summary>Evicts the pages tagged <paramref name="tag"/>; a store that is down is logged, not thrown (its entries expire).</summary>
    Task EvictAsync(string tag, CancellationToken cancellation = default);
}

internal sealed class PageCacheEvictor(FrontPageCache front, FragmentCache fragments, IOutputCacheStore store, ICacheInvalidationBus bus, ILogger<PageCacheEvictor> logger)
    : IPageCacheEvictor
{
    public async Task EvictAsync(string tag, CancellationToken cancellation = default)
    {
        front.Evict(tag);
        fragments.Evict(tag);
        try
        {
            await store.EvictByTagAsync(tag, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store that is down (Redis) must not fail a change that has committed; its entries expire on their own.
            logger.LogError(e, "Cached pages tagged {Tag} could not be evicted", tag);
        }

        await bus.PublishAsync(new CacheInvalidation(CacheInvalidationKinds.PageTags, [tag]), cancellation);
    }
}
