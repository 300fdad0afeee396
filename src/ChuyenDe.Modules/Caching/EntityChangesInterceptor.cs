using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// The plumbing both caches share: before a save, the keys (page tags, reference-data keys) that the added, modified and
/// deleted entries of the declared entity types give; once the save has succeeded, those keys to act on. A failed save
/// forgets them. What to do with the keys (now, after the commit) is the subclass's.
/// </summary>
internal abstract class EntityChangesInterceptor(IEnumerable<(Type EntityType, Func<EntityEntry, IEnumerable<string>> Keys)> dependencies)
    : SaveChangesInterceptor
{
    private readonly Dictionary<Type, Func<EntityEntry, IEnumerable<string>>[]> _byType = dependencies
        .GroupBy(d => d.EntityType)
        .ToDictionary(g => g.Key, g => g.Select(d => d.Keys).ToArray());

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    /// <summary>The keys of a save about to be made (default: nothing to do yet).</summary>
    protected virtual void Saving(DbContext context, IReadOnlySet<string> keys)
    {
    }

    /// <summary>The keys of a save that has been made (its transaction may still be open).</summary>
    protected abstract Task SavedAsync(DbContext context, IReadOnlySet<string> keys);

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
        await SavedAsync(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context).GetAwaiter().GetResult();
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
                foreach (var key in forType.SelectMany(keysOf => keysOf(entry)))
                {
                    (keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
                }
            }
        }

        if (keys is not null)
        {
            Saving(context, keys);
            _pending.AddOrUpdate(context, keys);
        }
        else
        {
            // Nothing left over from an earlier save (the contexts are pooled: a context serves many requests).
            _pending.Remove(context);
        }
    }

    private Task SavedAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var keys))
        {
            return Task.CompletedTask;
        }

        _pending.Remove(context);
        return SavedAsync(context, keys);
    }
}
