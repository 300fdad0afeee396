using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace ChuyenDe.Modules.Caching;

/// <summary>One public page as answered: its headers, its (possibly compressed) body, its tags and when it expires.</summary>
internal sealed class FrontPage(byte[] body, KeyValuePair<string, StringValues>[] headers, string? entityTag, IReadOnlySet<string> tags, long storedAt, long expiresAt)
{
    public byte[] Body { get; } = body;
    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;
    public string? EntityTag { get; } = entityTag;
    public IReadOnlySet<string> Tags { get; } = tags;

    /// <summary><see cref="Environment.TickCount64"/> when stored.</summary>
    public long StoredAt { get; } = storedAt;

    /// <summary>
    /// <see cref="Environment.TickCount64"/> after which the page is rendered again (it is served a little longer, while
    /// that happens: <see cref="FrontPageCache.StaleMilliseconds"/>).
    /// </summary>
    public long ExpiresAt { get; } = expiresAt;

    private int _refreshing;

    /// <summary>True for the one request that renders the expired page again; false for every later one.</summary>
    public bool ClaimRefresh() => Interlocked.Exchange(ref _refreshing, 1) == 0;
}

/// <summary>
/// The first level of the page cache: this node's copies of the public pages it rendered, answered by
/// <see cref="FrontPageCacheMiddleware"/> before anything else of the pipeline runs. The output cache (the second level,
/// whose store may be shared by several nodes) keeps its own copies; both are evicted together by tag
/// (<see cref="IPageCacheEvictor"/>). Bounded in bytes; a page rendered while an eviction happened is not kept (it may
/// show what was just evicted).
/// </summary>
internal sealed class FrontPageCache(long maximumBytes)
{
    private readonly ConcurrentDictionary<string, FrontPage> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _evictedAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _bytes;
    private long _generation;

    /// <summary>Grows at every eviction; a page is kept only if none of its tags was evicted while it was rendered.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _pages.Count;

    /// <summary>
    /// How long an expired page is still answered while one request renders it again, in ms. Expiry is only a safety net
    /// (a change evicts its pages at once, and an evicted page is never answered); without this, every page kept in the
    /// same burst (after a start) expires in the same seconds and the requests of all of them render at once.
    /// </summary>
    public const long StaleMilliseconds = 30_000;

    /// <summary>
    /// The page kept under <paramref name="key"/>, unless it expired: then the first request is told to render it again
    /// (false) and the others get the expired copy meanwhile, for at most <see cref="StaleMilliseconds"/>.
    /// </summary>
    public bool TryGet(string key, long now, out FrontPage page)
    {
        if (_pages.TryGetValue(key, out page!))
        {
            if (now < page.ExpiresAt)
            {
                return true;
            }

            if (now < page.ExpiresAt + StaleMilliseconds)
            {
                return !page.ClaimRefresh();
            }

            Remove(key, page);
        }

        return false;
    }

    /// <summary>
    /// Keeps the page unless one of its tags was evicted since <paramref name="generationAtStart"/> (it may show what was
    /// evicted). When full, expired pages and then the oldest make room. Adds and evictions are serialised (they happen on
    /// misses and changes only; reads take no lock), so a page is never visible after an eviction it predates.
    /// </summary>
    public void TryAdd(string key, FrontPage page, long generationAtStart)
    {
        var size = SizeOf(key, page);
        if (size > maximumBytes / 16)
        {
            return;
        }

        lock (_gate)
        {
            if (EvictedSince(page.Tags, generationAtStart))
            {
                return;
            }

            if (Interlocked.Read(ref _bytes) + size > maximumBytes)
            {
                MakeRoom(size);
            }

            if (_pages.TryGetValue(key, out var previous))
            {
                Remove(key, previous);
            }

            if (_pages.TryAdd(key, page))
            {
                Interlocked.Add(ref _bytes, size);
            }
        }
    }

    /// <summary>Drops this node's copy of one page (what a node that never rendered it has: none).</summary>
    internal void Forget(string key)
    {
        lock (_gate)
        {
            if (_pages.TryGetValue(key, out var page))
            {
                Remove(key, page);
            }
        }
    }

    /// <summary>Drops the pages carrying <paramref name="tag"/>.</summary>
    public void Evict(string tag)
    {
        lock (_gate)
        {
            _evictedAt[tag] = Interlocked.Increment(ref _generation);
            foreach (var (key, page) in _pages)
            {
                if (page.Tags.Contains(tag))
                {
                    Remove(key, page);
                }
            }
        }
    }

    /// <summary>Whether one of <paramref name="tags"/> was evicted after <paramref name="generation"/>.</summary>
    public bool EvictedSince(IEnumerable<string> tags, long generation)
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

    /// <summary>What a kept page counts against the bound: its body, key and headers, and a fixed overhead.</summary>
    internal static long SizeOf(string key, FrontPage page)
    {
        long size = page.Body.Length + (2 * key.Length) + 256;
        foreach (var (name, values) in page.Headers)
        {
            size += 2 * (name.Length + values.ToString().Length);
        }

        return size;
    }

    private void MakeRoom(long size)
    {
        RemoveExpired(Environment.TickCount64);
        if (Interlocked.Read(ref _bytes) + size <= maximumBytes)
        {
            return;
        }

        // The oldest pages go first, until a quarter of the room is free (not one page at a time under a flood of addresses).
        foreach (var (key, page) in _pages.OrderBy(p => p.Value.StoredAt).ToList())
        {
            if (Interlocked.Read(ref _bytes) + size <= maximumBytes * 3 / 4)
            {
                break;
            }

            Remove(key, page);
        }
    }

    private void RemoveExpired(long now)
    {
        foreach (var (key, page) in _pages)
        {
            if (now >= page.ExpiresAt)
            {
                Remove(key, page);
            }
        }
    }

    private void Remove(string key, FrontPage page)
    {
        if (_pages.TryRemove(new KeyValuePair<string, FrontPage>(key, page)))
        {
            Interlocked.Add(ref _bytes, -SizeOf(key, page));
        }
    }
}
