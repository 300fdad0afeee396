// Public building block (no database needed): see the comment at the top of SearchDocument.cs.
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// One Lucene index of <see cref="SearchDocument"/>s: add, update and delete by content item id, commit with a cursor
/// in the commit's user data (the last indexing task applied), and search with filters, facet counts, sorting, paging,
/// highlighted snippets and "did you mean". Thread-safe; writes are visible to searches after <see cref="Refresh"/> or
/// <see cref="Commit"/>, durable only after <see cref="Commit"/>. The work is done by its parts: the
/// <see cref="SearchIndexWriter"/>, the <see cref="SearchIndexSearcher"/> (with <see cref="FacetCountingCollector"/> and
/// <see cref="DidYouMean"/>), the <see cref="TitleSuggestions"/> and the <see cref="SearchDocumentMapping"/>.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly SearchIndexWriter _writer;
    private readonly SearchIndexSearcher _searcher;
    private readonly TitleSuggestions _suggestions;

    /// <param name="resultCacheSize">
    /// How many recent searches' results to keep for the current reader (<see cref="SearchResultCache"/>); 0 keeps none
    /// (every search runs the query, as the engine's benchmark needs).
    /// </param>
    public SearchIndex(LuceneDirectory directory, bool ownsDirectory = false, int resultCacheSize = 0)
    {
        _writer = new SearchIndexWriter(directory, ownsDirectory);
        var results = new SearchResultCache(resultCacheSize);
        _writer.Searchers.AddListener(results);
        _searcher = new SearchIndexSearcher(_writer.Searchers, new DidYouMean(), results);
        _suggestions = new TitleSuggestions(_writer.Searchers);
    }

    /// <summary>Opens (or creates) the index in a folder on local disk.</summary>
    public static SearchIndex Open(string folder, int resultCacheSize = 0)
    {
        System.IO.Directory.CreateDirectory(folder);
        return new SearchIndex(FSDirectory.Open(folder), ownsDirectory: true, resultCacheSize);
    }

    /// <summary>The last indexing task id committed with the index, or null when the index was never built.</summary>
    public long? Cursor => _writer.Cursor;

    /// <summary>The version of the reader searches use now: it changes only when a refresh or commit opens a new one.</summary>
    internal long ReaderVersion
    {
        get
        {
            var searcher = _writer.Searchers.Acquire();
            try
            {
                return ((Lucene.Net.Index.DirectoryReader)searcher.IndexReader).Version;
            }
            finally
            {
                _writer.Searchers.Release(searcher);
            }
        }
    }

    /// <summary>Number of documents visible to searches.</summary>
    public int DocumentCount => _searcher.DocumentCount;

    /// <summary>Adds the document, replacing any document with the same content item id.</summary>
    public void AddOrUpdate(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _writer.AddOrUpdate(document);
    }

    public void Delete(string contentItemId) => _writer.Delete(contentItemId);

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>
    /// Merges the index down to at most <paramref name="maxSegments"/> segments (after a full rebuild or a bulk load):
    /// every query looks its terms up once per segment, so fewer segments answer faster. Commit afterwards.
    /// </summary>
    public void ForceMerge(int maxSegments = 1) => _writer.ForceMerge(maxSegments);

    /// <summary>Makes the writes so far visible to searches (near real time, not yet durable).</summary>
    public void Refresh() => _writer.Refresh();

    /// <summary>Makes the writes durable together with <paramref name="cursor"/> (kept as it was when null), then visible.</summary>
    public void Commit(long? cursor = null) => _writer.Commit(cursor);

    /// <summary>Throws away every write since the last commit and closes the index, as a crash would (tests).</summary>
    internal void Abandon() => _writer.Abandon();

    public SearchResults Search(SearchRequest request) => _searcher.Search(request);

    /// <summary>Titles whose words start with the (folded) words of <paramref name="prefix"/>, newest first.</summary>
    public IReadOnlyList<string> Suggest(string prefix, int max = 8) => _suggestions.Suggest(prefix, max);

    public void Dispose() => _writer.Dispose();
}
