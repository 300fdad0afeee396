using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ChuyenDe.Modules.Search;

/// <summary>A segment's facet values: for document d, <c>Ords[Starts[d]..Starts[d + 1]]</c> index <see cref="Facets"/>.</summary>
internal sealed class SegmentFacets
{
    public required int[] Starts { get; init; }
    public required int[] Ords { get; init; }
    public required (string Facet, string Value)[] Facets { get; init; }

    public static SegmentFacets Read(AtomicReader reader)
    {
        var values = reader.GetSortedSetDocValues(SearchFields.Facets);
        var starts = new int[reader.MaxDoc + 1];
        if (values is null)
        {
            return new SegmentFacets { Starts = starts, Ords = [], Facets = [] };
        }

        var ords = new List<int>(reader.MaxDoc * 8);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ords.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ords.Add((int)ord);
            }
        }

        starts[reader.MaxDoc] = ords.Count;
        var facets = new (string, string)[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < facets.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            var text = bytes.Utf8ToString();
            var separator = text.IndexOf(SearchFields.FacetSeparator);
            facets[ord] = separator <= 0 ? ("", text) : (text[..separator], text[(separator + 1)..]);
        }

        return new SegmentFacets { Starts = starts, Ords = ords.ToArray(), Facets = facets };
    }
}
