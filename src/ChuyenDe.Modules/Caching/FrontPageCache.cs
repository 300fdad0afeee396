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

    /// <summary><see cref="Environment.TickCount64"/> after which the page is no longer served.</summary>
    public long ExpiresAt { get; } = expiresAt;
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
    private long _bytes;
    private long _generation;

    /// <summary>Grows at every eviction; a page is kept only if none of its tags was evicted while it was rendered.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _pages.Count;

    public bool TryGet(string key, long now, out FrontPage page)
    {
        if (_pages.TryGetValue(key, out page!))
        {
            if (now < page.ExpiresAt)
            {
                return true;
            }

            Remove(key, page);
        }

        return false;
    }

    public void TryAdd(string key, FrontPage page, long generationAtStart)
    {
        if (page.Body.Length > maximumBytes / 16)
        {
            return;
        }

        if (Interlocked.Read(ref _bytes) + page.Body.Length > maximumBytes)
        {
            RemoveExpired(Environment.TickCount64);
            if (Interlocked.Read(ref _bytes) + page.Body.Length > maximumBytes)
            {
                return;
            }
        }

        if (_pages.TryAdd(key, page))
        {
            Interlocked.Add(ref _bytes, page.Body.Length);
            if (EvictedSince(page, generationAtStart))
            {
                // One of its tags was evicted while the page was rendered: it may show what was evicted.
                Remove(key, page);
            }
        }
    }

    /// <summary>Drops the pages carrying <paramref name="tag"/>.</summary>
    public void Evict(string tag)
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

    private bool EvictedSince(FrontPage page, long generation)
    {
        if (Generation == generation)
        {
            return false;
        }

        foreach (var tag in page.Tags)
        {
            if (_evictedAt.TryGetValue(tag, out var at) && at > generation)
            {
                return true;
            }
        }

        return false;
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
            Interlocked.Add(ref _bytes, -page.Body.Length);
        }
    }
}
