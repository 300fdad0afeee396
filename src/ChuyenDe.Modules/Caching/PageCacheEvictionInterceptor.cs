using ChuyenDe.Modules.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Evicts the cached pages a save changes: before the save it reads the tracked entries of the entity types modules
/// declared (<see cref="PageCacheDependency"/>), and once the save's transaction has committed it evicts their tags —
/// whatever saved them (an editor, the scheduler, a recipe). A save that fails or a transaction rolled back evicts nothing.
/// </summary>
internal sealed class PageCacheEvictionInterceptor(
    IEnumerable<PageCacheDependency> dependencies,
    IOutputCacheStore store,
    ILogger<PageCacheEvictionInterceptor> logger)
    : EntityChangesInterceptor(dependencies.Select(d => (d.EntityType, (Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry, IEnumerable<string>>)d.TagsOf)))
{
    protected override Task SavedAsync(DbContext context, IReadOnlySet<string> tags)
        => context.OnCommittedAsync(async () =>
        {
            foreach (var tag in tags)
            {
                try
                {
                    await store.EvictByTagAsync(tag, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A store that is down (Redis) must not fail a change that has committed; its entries expire on their own.
                    logger.LogError(e, "Cached pages tagged {Tag} could not be evicted", tag);
                }
            }
        });
}
