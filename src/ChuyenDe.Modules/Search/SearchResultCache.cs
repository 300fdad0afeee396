using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// The results of recent searches of one index, kept for the reader that computed them: a result is only ever served
/// by the very reader (index generation) it came from, and the whole cache is dropped as soon as the
/// <see cref="SearcherManager"/> opens a new reader (a refresh that found changes). A change of the index is therefore
/// visible to the first search after the refresh that makes it searchable, on every node (each node refreshes its own
/// index). Results depend on nothing but the index and the request (display names are looked up by the caller), so
/// nothing else needs to evict them. Bounded: at most <see cref="Capacity"/> results per reader; when full, it
/// starts again empty. Capacity 0 keeps nothing.
/// </summary>
internal sealed class SearchResultCache(int capacity) : ReferenceManager.IRefreshListener
{
    private Generation? _current;
    private long _epoch;

    public int Capacity { get; } = Math.Max(0, capacity);

    /// <summary>Counts the refreshes that opened a new reader; read it before acquiring the searcher, pass it to <see cref="Add"/>.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>The results kept for this request on <paramref name="reader"/>, or null.</summary>
    public SearchResults? TryGet(IndexReader reader, string key)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && ReferenceEquals(current.Reader, reader) && current.Results.TryGetValue(key, out var results) ? results : null;
    }

    /// <summary>
    /// Keeps the results <paramref name="reader"/> gave for the request, unless the index was refreshed since
    /// <paramref name="epoch"/> was read (the search began): results are only ever served for the reader that computed
    /// them, so a late one could only waste room.
    /// </summary>
    public void Add(IndexReader reader, long epoch, string key, SearchResults results)
    {
        if (Capacity == 0 || epoch != Epoch)
        {
            return;
        }

        var current = Volatile.Read(ref _current);
        if (current is null || !ReferenceEquals(current.Reader, reader))
        {
            var fresh = new Generation(reader);
            current = ReferenceEquals(Interlocked.CompareExchange(ref _current, fresh, current), current) ? fresh : Volatile.Read(ref _current);
            if (current is null || !ReferenceEquals(current.Reader, reader))
            {
                return;
            }
        }

        if (current.Results.Count >= Capacity)
        {
            current.Results.Clear();
        }

        current.Results[key] = results;
    }

    void ReferenceManager.IRefreshListener.BeforeRefresh()
    {
    }

    void ReferenceManager.IRefreshListener.AfterRefresh(bool didRefresh)
    {
        if (didRefresh)
        {
            Interlocked.Increment(ref _epoch);
            Volatile.Write(ref _current, null);
        }
    }

    /// <summary>
    /// The request as the searcher sees it: the query's words (what it searches; spacing, case and repeats do not
    /// count), page and page size as clamped, sort, filters with their values in a fixed order, exemplary, scope.
    /// </summary>
    public static string KeyOf(SearchRequest request, IReadOnlyList<string> words, int page, int pageSize)
    {
        var key = new StringBuilder(128);
        const char separator = '\u001f';
        foreach (var word in words)
        {
            key.Append(word).Append(separator);
        }

        key.Append('|').Append(page.ToString(CultureInfo.InvariantCulture)).Append('|').Append(pageSize.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append((int)request.Sort).Append('|').Append(request.ExemplaryOnly ? '1' : '0');
        foreach (var (facet, values) in request.Filters.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            key.Append('|').Append(facet).Append('=');
            foreach (var value in (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                key.Append(value).Append(separator);
            }
        }

        if (request.OrganizationScope is { } scope)
        {
            key.Append("|scope=");
            foreach (var id in scope.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                key.Append(id).Append(separator);
            }
        }

        return key.ToString();
    }

    private sealed class Generation(IndexReader reader)
    {
        public IndexReader Reader { get; } = reader;

        public ConcurrentDictionary<string, SearchResults> Results { get; } = new(StringComparer.Ordinal);
    }
}
