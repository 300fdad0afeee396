using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Counts facet values over every matching document. Each segment's facet values (doc values) are read once into
/// flat arrays, cached for the life of the segment, so counting is a tight loop over array slots.
/// </summary>
internal sealed class FacetCountingCollector : ICollector
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private SegmentFacets? _segment;
    private int[]? _segmentCounts;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _segment = Cache.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Read(reader));
        _segmentCounts = new int[_segment.Facets.Length];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var counts = _segmentCounts!;
        var ords = segment.Ords;
        for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
        {
            counts[ords[i]]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        Flush();
        return _counts.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<FacetCount>)kv.Value.Select(v => new FacetCount(v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    private void Flush()
    {
        if (_segment is null || _segmentCounts is null)
        {
            return;
        }

        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            var count = _segmentCounts[ord];
            if (count == 0)
            {
                continue;
            }

            var (facet, value) = _segment.Facets[ord];
            if (!_counts.TryGetValue(facet, out var values))
            {
                values = new Dictionary<string, int>(StringComparer.Ordinal);
                _counts.Add(facet, values);
            }

            values[value] = values.GetValueOrDefault(value) + count;
        }

        _segment = null;
        _segmentCounts = null;
    }
}
