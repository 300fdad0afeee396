// Building blocks usable WITHOUT a database (the benchmark bench/ChuyenDe.Bench.Search uses them directly):
//   var index = new SearchIndex(new RAMDirectory());   // or SearchIndex.Open(folder) for a folder on disk
//   index.AddOrUpdate(new SearchDocument { ContentItemId = "x", ContentType = "Initiative", Title = "…", … });
//   index.Commit();                                      // makes the writes durable and visible
//   SearchResults r = index.Search(new SearchRequest { Query = "mam non", Filters = … });
// The site itself fills SearchDocument from content items (SearchDocumentBuilder) and feeds the index from the
// indexing-task table (SearchIndexer).
namespace ChuyenDe.Modules.Search;

/// <summary>
/// What the index holds about one content item version: the text to search, the facet values to filter and count,
/// and what a hit shows. Plain data: fill it directly (benchmark, tests) or let <see cref="SearchDocumentBuilder"/>
/// build it from a content item.
/// </summary>
public sealed record SearchDocument
{
    public required string ContentItemId { get; init; }
    public required string ContentType { get; init; }
    public string Title { get; init; } = "";
    public string? Summary { get; init; }

    /// <summary>Plain text of the body and the other text fields (Markdown and HTML already turned to text).</summary>
    public string? Body { get; init; }

    /// <summary>Text extracted from the attached documents (PDF, DOCX, PPTX) the item's version uses.</summary>
    public string? AttachmentText { get; init; }

    public string? Path { get; init; }
    public string? OrganizationId { get; init; }
    public string? OrganizationName { get; init; }
    public string? DistrictId { get; init; }
    public string? DistrictName { get; init; }

    /// <summary>Facet name (see <see cref="SearchFacets"/>, taxonomy facets only) → term content item ids.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Names of the item's terms and other searchable labels (weighted like the summary).</summary>
    public IReadOnlyList<string> TermNames { get; init; } = [];

    public bool Exemplary { get; init; }
    public bool Published { get; init; }
    public DateTime? PublishedUtc { get; init; }
    public DateTime ModifiedUtc { get; init; }
}
