using System.Runtime.CompilerServices;
using ChuyenDe.Modules.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    ILogger<PageCacheEvictionInterceptor> logger) : SaveChangesInterceptor
{
    private readonly Dictionary<Type, PageCacheDependency[]> _byType = dependencies
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

        HashSet<string>? tags = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && _byType.TryGetValue(entry.Metadata.ClrType, out var forType))
            {
                foreach (var tag in forType.SelectMany(d => d.TagsOf(entry)))
                {
                    (tags ??= new HashSet<string>(StringComparer.Ordinal)).Add(tag);
                }
            }
        }

        if (tags is not null)
        {
            _pending.AddOrUpdate(context, tags);
        }
    }

    private Task ScheduleAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags))
        {
            return Task.CompletedTask;
        }

        _pending.Remove(context);
        return context.OnCommittedAsync(async () =>
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
}
