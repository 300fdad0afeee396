using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Drops the reference-data keys (<see cref="ReferenceDataCache"/>) a save changes: when the save is made (and the
/// saving DbContext reads them from the database from then on) and again once its transaction commits, so that a
/// concurrent request that read the old rows meanwhile does not keep them; other nodes are told once it commits
/// (<see cref="ICacheInvalidationBus"/>).
/// </summary>
internal sealed class ReferenceDataInvalidationInterceptor(
    IEnumerable<ReferenceDataDependency> dependencies, ReferenceDataCache cache, ICacheInvalidationBus bus)
    : EntityChangesInterceptor(dependencies.Select(d => (d.EntityType, (Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry, IEnumerable<string>>)d.KeysOf)))
{
    // From now on this context reads these keys itself (its own writes, committed or not).
    protected override void Saving(DbContext context, IReadOnlySet<string> keys) => cache.MarkWritten(context, keys);

    protected override Task SavedAsync(DbContext context, IReadOnlySet<string> keys)
    {
        Invalidate(keys);
        return context.OnCommittedAsync(() =>
        {
            Invalidate(keys);
            // The other nodes drop them too (they read the committed rows).
            return bus.PublishAsync(new CacheInvalidation(CacheInvalidationKinds.ReferenceData, [.. keys]), CancellationToken.None);
        });
    }

    private void Invalidate(IReadOnlySet<string> keys)
    {
        foreach (var key in keys)
        {
            cache.Invalidate(key);
        }
    }
}
