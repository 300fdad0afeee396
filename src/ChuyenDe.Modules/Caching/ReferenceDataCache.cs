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
/// A DbContext that has saved a change of a key reads it from the database for the rest of its lease (its own,
/// possibly uncommitted, writes; the site's contexts are pooled, so a context leased again starts afresh). Cached values are shared between threads: callers must not change them.
/// </summary>
public sealed class ReferenceDataCache(TimeProvider time)
{
    /// <summary>How long a value is kept at most (the bound on what another node's change leaves stale).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many keys are kept at most. Beyond it the expired ones are swept and, if still full, a new value is read but
    /// not kept: keys per published item (<c>Contents.PublishedContentKeys</c>) grow with the content, not with requests.
    /// </summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    // Keys written per context, for the context's current lease only: the site's contexts are pooled, and a context
    // leased again by a later request starts with nothing written.
    private readonly ConditionalWeakTable<DbContext, WrittenKeys> _written = new();

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

        var generation = Generation(key);
        var value = await load(ct);
        Keep(db, key, value, generation);
        return value;
    }

    /// <summary>The value kept under the key, or null (not kept, expired, or written by this context).</summary>
    public T? TryGet<T>(DbContext db, string key)
        where T : class
        => !WroteInThisContext(db, key) && _entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow()
            ? entry.Value as T
            : null;

    /// <summary>The key's generation, to be read before loading a value that <see cref="Keep"/> will store.</summary>
    public long Generation(string key) => _generations.GetValueOrDefault(key); // no row for keys never changed (any address)

    /// <summary>
    /// Keeps a value read from the database after <see cref="Generation"/> returned <paramref name="generation"/>: only
    /// when nothing changed the key meanwhile and this context did not write it (its reads may be uncommitted).
    /// </summary>
    public void Keep(DbContext db, string key, object? value, long generation)
    {
        if (value is null || WroteInThisContext(db, key))
        {
            return;
        }

        var expires = time.GetUtcNow() + Lifetime;
        lock (_entries)
        {
            if (_generations.GetValueOrDefault(key) != generation)
            {
                return;
            }

            if (_entries.Count >= MaxEntries && !_entries.ContainsKey(key))
            {
                Sweep();
                if (_entries.Count >= MaxEntries)
                {
                    return;
                }
            }

            _entries[key] = new Entry(value, expires);
        }
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

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    internal void MarkWritten(DbContext db, IEnumerable<string> keys)
    {
        var lease = db.ContextId.Lease;
        var written = _written.GetValue(db, _ => new WrittenKeys());
        lock (written)
        {
            if (written.Lease != lease)
            {
                written.Lease = lease;
                written.Keys.Clear();
            }

            written.Keys.UnionWith(keys);
        }
    }

    private bool WroteInThisContext(DbContext db, string key)
    {
        if (!_written.TryGetValue(db, out var written))
        {
            return false;
        }

        var lease = db.ContextId.Lease;
        lock (written)
        {
            return written.Lease == lease && written.Keys.Contains(key);
        }
    }

    private sealed class WrittenKeys
    {
        public int Lease { get; set; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Entry(object Value, DateTimeOffset Expires);
}

/// <summary>Which reference-data keys a change of one entity type drops (see <see cref="ReferenceDataCache"/>).</summary>
public sealed class ReferenceDataDependency(Type entityType, Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry, IEnumerable<string>> keys)
{
    public Type EntityType { get; } = entityType;

    public IEnumerable<string> KeysOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => keys(entry);
}
