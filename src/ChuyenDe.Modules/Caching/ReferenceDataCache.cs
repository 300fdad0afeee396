using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Reference data read by nearly every request — content definitions, site settings, the organisations, the taxonomies —
/// kept across requests (a singleton) so that a public page does not re-read them. A change of the entities a key
/// depends on (<see cref="CachingModule.AddReferenceDataDependency{TEntity}"/>) drops the key on this node when it is
/// saved and again once its transaction commits (<see cref="ReferenceDataInvalidationInterceptor"/>); a load that began
/// before a change is not kept. Other nodes drop the keys when told through the <see cref="ICacheInvalidationBus"/>
/// (several nodes: Redis pub/sub); <see cref="Lifetime"/> bounds what a lost message leaves stale.
/// A DbContext that has saved a change of a key reads it from the database for the rest of its life (its own,
/// possibly uncommitted, writes). Cached values are shared between threads: callers must not change them.
/// </summary>
public sealed class ReferenceDataCache(TimeProvider time)
{
    /// <summary>How long a value is kept at most (the bound on what another node's change leaves stale).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _written = new();

    public async Task<T> GetOrLoadAsync<T>(DbContext db, string key, Func<CancellationToken, Task<T>> load, CancellationToken ct = default)
        where T : class
    {
        if (WroteInThisContext(db, key))
        {
            return await load(ct);
        }

        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now && entry.Value is T cached)
        {
            return cached;
        }

        var generation = _generations.GetOrAdd(key, 0);
        var value = await load(ct);
        lock (_entries)
        {
            // Kept only when nothing changed the key while it was being read.
            if (_generations.GetValueOrDefault(key) == generation)
            {
                _entries[key] = new Entry(value, now + Lifetime);
            }
        }

        return value;
    }

    /// <summary>Drops the key: the next read loads it again.</summary>
    public void Invalidate(string key)
    {
        lock (_entries)
        {
            _generations.AddOrUpdate(key, 1, (_, g) => g + 1);
            _entries.TryRemove(key, out _);
        }
    }

    internal void MarkWritten(DbContext db, IEnumerable<string> keys)
    {
        var set = _written.GetValue(db, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (set)
        {
            set.UnionWith(keys);
        }
    }

    private bool WroteInThisContext(DbContext db, string key)
    {
        if (!_written.TryGetValue(db, out var set))
        {
            return false;
        }

        lock (set)
        {
            return set.Contains(key);
        }
    }

    private sealed record Entry(object Value, DateTimeOffset Expires);
}

/// <summary>Which reference-data keys a change of one entity type drops (see <see cref="ReferenceDataCache"/>).</summary>
public sealed class ReferenceDataDependency(Type entityType, Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry, IEnumerable<string>> keys)
{
    public Type EntityType { get; } = entityType;

    public IEnumerable<string> KeysOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => keys(entry);
}
