using System.Runtime.CompilerServices;
using ChuyenDe.Modules.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Drops the reference-data keys (<see cref="ReferenceDataCache"/>) a save changes: when the save is made (and the
/// saving DbContext reads them from the database from then on) and again once its transaction commits, so that a
/// concurrent request that read the old rows meanwhile does not keep them.
/// </summary>
internal sealed class ReferenceDataInvalidationInterceptor(IEnumerable<ReferenceDataDependency> dependencies, ReferenceDataCache cache)
    : SaveChangesInterceptor
{
    private readonly Dictionary<Type, ReferenceDataDependency[]> _byType = dependencies
        .GroupBy(d => d.EntityType)
        .ToDictionary(g => g.Key, g => g.ToArray());

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ScheduleAsync(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ScheduleAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null || _byType.Count == 0)
        {
            return;
        }

        HashSet<string>? keys = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && _byType.TryGetValue(entry.Metadata.ClrType, out var forType))
            {
                foreach (var key in forType.SelectMany(d => d.KeysOf(entry)))
                {
                    (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
                }
            }
        }

        if (keys is not null)
        {
            // From now on this context reads these keys itself (its own writes, committed or not).
            cache.MarkWritten(context, keys);
            _pending.AddOrUpdate(context, keys);
        }
    }

    private Task ScheduleAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var keys))
        {
            return Task.CompletedTask;
        }

        _pending.Remove(context);
        foreach (var key in keys)
        {
            cache.Invalidate(key);
        }

        return context.OnCommittedAsync(() =>
        {
            foreach (var key in keys)
            {
                cache.Invalidate(key);
            }

            return Task.CompletedTask;
        });
    }
}
