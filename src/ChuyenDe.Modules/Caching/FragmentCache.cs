using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Parts of public pages kept across requests, each with the cache tags of what it shows (what Orchard Core calls the
/// dynamic cache): an item page's display model and the rendered HTML of its article, the layout's header and footer.
/// Unlike the output cache it never holds a whole page, so it stays on when the output cache is off; what depends on the
/// request (the address, the query, the user) is put together around the fragments on every request.
/// Evicted by tag together with the page caches (<see cref="IPageCacheEvictor"/>, on every node through the
/// <see cref="ICacheInvalidationBus"/>): a change that would evict a page showing a fragment evicts the fragment in the
/// same request that commits it. A fragment built while one of its tags was evicted is not kept (it may show what was
/// evicted). Bounded by <see cref="MaxWeight"/> (about the characters held) and <see cref="Lifetime"/>.
/// Kept values are shared between threads: callers must not change them.
/// </summary>
public sealed class FragmentCache
{
    /// <summary>How much is kept at most: the sum of the weights given (the characters of HTML, an estimate for models).</summary>
    public const long MaxWeight = 16 * 1024 * 1024;

    /// <summary>How long a fragment is kept at most (the bound on what a lost eviction message of another node leaves stale).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _weight;
    private long _generation;

    /// <summary>Grows at every eviction; read it before building a fragment and pass it to <see cref="Keep"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _entries.Count;

    /// <summary>The value kept under <paramref name="key"/>, or null.</summary>
    public T? TryGet<T>(string key)
        where T : class
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (CoarseClock.Milliseconds >= entry.ExpiresAt)
        {
            lock (_gate)
            {
                Remove(key, entry);
            }

            return null;
        }

        return entry.Value as T;
    }

    /// <summary>
    /// Keeps a value built after <see cref="Generation"/> returned <paramref name="generationAtStart"/>, unless one of its
    /// tags was evicted meanwhile. When full, expired fragments and then the oldest make room.
    /// </summary>
    public void Keep(string key, object value, long weight, IEnumerable<string> tags, long generationAtStart)
    {
        var tagSet = tags as IReadOnlySet<string> ?? new HashSet<string>(tags, StringComparer.Ordinal);
        weight = Math.Max(1, weight) + (2 * key.Length) + 128;
        if (weight > MaxWeight / 16)
        {
            return;
        }

        lock (_gate)
        {
            if (EvictedSince(tagSet, generationAtStart))
            {
                return;
            }

            if (_weight + weight > MaxWeight)
            {
                MakeRoom(weight);
            }

            if (_entries.TryGetValue(key, out var previous))
            {
                Remove(key, previous);
            }

            var entry = new Entry(value, weight, tagSet, Environment.TickCount64, Environment.TickCount64 + (long)Lifetime.TotalMilliseconds);
            if (_entries.TryAdd(key, entry))
            {
                _weight += weight;
            }
        }
    }

    /// <summary>Drops the fragments carrying <paramref name="tag"/>.</summary>
    public void Evict(string tag)
    {
        lock (_gate)
        {
            _evictedAt[tag] = Interlocked.Increment(ref _generation);
            foreach (var (key, entry) in _entries)
            {
                if (entry.Tags.Contains(tag))
                {
                    Remove(key, entry);
                }
            }
        }
    }

    /// <summary>
    /// Collects the tags that <see cref="PageCache.Tag"/> gives the page while a fragment is built (a badge source tags
    /// what it reads), until disposed; collections nest, an inner one passing its tags on to the outer.
    /// </summary>
    public static FragmentTags CollectTags(HttpContext? context) => new(context);

    private bool EvictedSince(IReadOnlySet<string> tags, long generation)
    {
        if (Generation == generation)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (_evictedAt.TryGetValue(tag, out var at) && at > generation)
            {
                return true;
            }
        }

        return false;
    }

    private void MakeRoom(long weight)
    {
        var now = Environment.TickCount64;
        foreach (var (key, entry) in _entries)
        {
            if (now >= entry.ExpiresAt)
            {
                Remove(key, entry);
            }
        }

        // The oldest go first, until a quarter of the room is free (not one at a time under a flood of keys).
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.StoredAt).ToList())
        {
            if (_weight + weight <= MaxWeight * 3 / 4)
            {
                break;
            }

            Remove(key, entry);
        }
    }

    private void Remove(string key, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
        {
            _weight -= entry.Weight;
        }
    }

    private sealed record Entry(object Value, long Weight, IReadOnlySet<string> Tags, long StoredAt, long ExpiresAt);
}
