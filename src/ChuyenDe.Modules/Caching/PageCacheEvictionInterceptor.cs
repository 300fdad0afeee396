using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Evicts the cached pages a save changes: before the save it reads the tracked entries of the entity types modules
/// declared (<see cref="PageCacheDependency"/>), and once the save's transaction has committed it evicts their tags —
/// whatever saved them (an editor, the scheduler, a recipe). A save that fails or a transaction rolled back evicts nothing.
/// </summary>
internal sealed class PageCacheEvictionInterceptor(
    IEnumerable<PageCacheDependency> dependencies,
    IPageCacheEvictor evictor)
    : EntityChangesInterceptor(dependencies.Select(d => (d.EntityType, (Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry, IEnumerable<string>>)d.TagsOf)))
{
    protected override Task SavedAsync(DbContext context, IReadOnlySet<string> tags)
        => context.OnCommittedAsync(async () =>
        {
            foreach (var tag in tags)
            {
                await evictor.EvictAsync(tag, CancellationToken.None);
            }
        });
}
