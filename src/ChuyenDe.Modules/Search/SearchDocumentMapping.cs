using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// A <see cref="SearchDocument"/> as a Lucene <see cref="Document"/> (analysed texts, stored fields, sort and facet doc
/// values, filter terms) and a stored document back as a <see cref="SearchHit"/>.
/// </summary>
internal static class SearchDocumentMapping
{
    private static readonly FieldType AllFieldType = CreateAllFieldType();

    /// <summary>Stored fields a hit shows.</summary>
    public static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal)
    {
        SearchFields.Id, SearchFields.Type, SearchFields.Title, SearchFields.Path, SearchFields.Summary, SearchFields.Organization,
        SearchFields.Published, SearchFields.PublishedTicks, SearchFields.ModifiedTicks,
    };

    /// <summary>The stored fields a hit shows, with the texts snippets are taken from when there is a query.</summary>
    public static readonly ISet<string> HitFieldsWithText = new HashSet<string>(HitFields, StringComparer.Ordinal)
    {
        SearchFields.Body, SearchFields.Attachments,
    };

    /// <summary>The hit a stored document shows, with its score and the snippet found for the query (if any).</summary>
    public static SearchHit ToHit(Document doc, float score, string? snippet)
    {
        var published = doc.GetField(SearchFields.PublishedTicks)?.GetInt64Value();
        var modified = doc.GetField(SearchFields.ModifiedTicks)?.GetInt64Value() ?? 0;
        return new SearchHit(
            doc.Get(SearchFields.Id) ?? "",
            doc.Get(SearchFields.Type) ?? "",
            doc.Get(SearchFields.Title) ?? "",
            doc.Get(SearchFields.Path),
            doc.Get(SearchFields.Summary),
            snippet,
            doc.Get(SearchFields.Organization),
            published is { } p ? new DateTime(p, DateTimeKind.Utc) : null,
            new DateTime(modified, DateTimeKind.Utc),
            doc.Get(SearchFields.Published) == "1",
            float.IsNaN(score) ? 0 : score);
    }

    public static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, d.ContentItemId, Field.Store.YES),
            new StoredField(SearchFields.Type, d.ContentType),
            new TextField(SearchFields.Title, VietnameseAnalyzer.Normalize(d.Title), Field.Store.YES),
            new StoredField(SearchFields.Published, d.Published ? "1" : "0"),
            new StoredField(SearchFields.ModifiedTicks, d.ModifiedUtc.Ticks),
            new NumericDocValuesField(SearchFields.SortDate, (d.PublishedUtc ?? d.ModifiedUtc).Ticks),
            new SortedDocValuesField(SearchFields.SortTitle, new BytesRef(SortKey(d.Title))),
        };
        if (d.PublishedUtc is { } published)
        {
            doc.Add(new StoredField(SearchFields.PublishedTicks, published.Ticks));
        }

        if (!string.IsNullOrWhiteSpace(d.Summary))
        {
            doc.Add(new TextField(SearchFields.Summary, VietnameseAnalyzer.Normalize(d.Summary), Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.Body))
        {
            doc.Add(new TextField(SearchFields.Body, VietnameseAnalyzer.Normalize(d.Body), Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.AttachmentText))
        {
            doc.Add(new TextField(SearchFields.Attachments, VietnameseAnalyzer.Normalize(d.AttachmentText), Field.Store.YES));
        }

        if (!string.IsNullOrWhiteSpace(d.Path))
        {
            doc.Add(new StoredField(SearchFields.Path, d.Path));
        }

        if (!string.IsNullOrWhiteSpace(d.OrganizationId))
        {
            doc.Add(new StoredField(SearchFields.Organization, d.OrganizationId));
        }

        var labels = d.TermNames.Concat(new[] { d.OrganizationName, d.DistrictName }).Where(s => !string.IsNullOrWhiteSpace(s));
        var labelText = string.Join(" \n ", labels);
        if (labelText.Length > 0)
        {
            doc.Add(new TextField(SearchFields.Terms, VietnameseAnalyzer.Normalize(labelText), Field.Store.NO));
        }

        foreach (var text in new[] { d.Title, d.Summary, labelText, d.Body, d.AttachmentText })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                doc.Add(new Field(SearchFields.All, VietnameseAnalyzer.Normalize(text), AllFieldType));
            }
        }

        var facets = new HashSet<(string, string)>();
        facets.Add((SearchFacets.Type, d.ContentType));
        if (!string.IsNullOrWhiteSpace(d.OrganizationId))
        {
            facets.Add((SearchFacets.Organization, d.OrganizationId));
        }

        if (!string.IsNullOrWhiteSpace(d.DistrictId))
        {
            facets.Add((SearchFacets.District, d.DistrictId));
        }

        if (d.Exemplary)
        {
            facets.Add((SearchFacets.Exemplary, "true"));
        }

        foreach (var (facet, values) in d.Terms)
        {
            foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                facets.Add((facet, value));
            }
        }

        foreach (var (facet, value) in facets)
        {
            doc.Add(new StringField(SearchFields.Filter(facet), value, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.Facets, new BytesRef(facet + SearchFields.FacetSeparator + value)));
        }

        return doc;
    }

    private static FieldType CreateAllFieldType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            IndexOptions = IndexOptions.DOCS_AND_FREQS,
        };
        type.Freeze();
        return type;
    }

    /// <summary>Title order: folded, lower case (so "Đàm Hà" sorts with D), then as written.</summary>
    private static string SortKey(string title)
    {
        var lower = VietnameseAnalyzer.Normalize(title).Trim().ToLowerInvariant();
        var key = VietnameseAnalyzer.Fold(lower) + "\u0001" + lower;
        return key.Length > 200 ? key[..200] : key;
    }
}
