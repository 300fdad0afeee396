using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// The writing side of a <see cref="SearchIndex"/>: adds, replaces and deletes documents, commits them with a cursor in
/// the commit's user data (the last indexing task applied), and refreshes the <see cref="Searchers"/> that see them.
/// </summary>
internal sealed class SearchIndexWriter : IDisposable
{
    private const string CursorKey = "cursor";

    private readonly LuceneDirectory _directory;
    private readonly bool _ownsDirectory;
    private readonly VietnameseAnalyzer _analyzer = new();
    private readonly VietnameseAnalyzer _foldedAnalyzer = new(VietnameseForms.FoldedWithPairs);
    private readonly IndexWriter _writer;
    private readonly object _commitLock = new();
    private long? _cursor;
    private bool _disposed;

    public SearchIndexWriter(LuceneDirectory directory, bool ownsDirectory)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        var perField = new PerFieldAnalyzerWrapper(_analyzer, new Dictionary<string, Analyzer> { [SearchFields.All] = _foldedAnalyzer });
        var config = new IndexWriterConfig(VietnameseAnalyzer.Version, perField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 96,
        };
        _writer = new IndexWriter(directory, config);
        if (!DirectoryReader.IndexExists(directory))
        {
            // An empty first commit, without a cursor: searchable at once, and recognisable as "never built".
            _writer.Commit();
        }

        var data = _writer.CommitData;
        if (data is not null && data.TryGetValue(CursorKey, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cursor))
        {
            _cursor = cursor;
        }

        Searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Searchers over the writes so far, as of the last <see cref="Refresh"/> or <see cref="Commit"/>.</summary>
    public SearcherManager Searchers { get; }

    public long? Cursor
    {
        get
        {
            lock (_commitLock)
            {
                return _cursor;
            }
        }
    }

    public void AddOrUpdate(SearchDocument document)
        => _writer.UpdateDocument(new Term(SearchFields.Id, document.ContentItemId), SearchDocumentMapping.ToLucene(document));

    public void Delete(string contentItemId) => _writer.DeleteDocuments(new Term(SearchFields.Id, contentItemId));

    public void DeleteAll() => _writer.DeleteAll();

    public void ForceMerge(int maxSegments) => _writer.ForceMerge(Math.Max(1, maxSegments));

    public void Refresh() => Searchers.MaybeRefreshBlocking();

    public void Commit(long? cursor)
    {
        lock (_commitLock)
        {
            var value = cursor ?? _cursor;
            var data = new Dictionary<string, string>();
            if (value is not null)
            {
                data[CursorKey] = value.Value.ToString(CultureInfo.InvariantCulture);
            }

            _writer.SetCommitData(data);
            _writer.Commit();
            _cursor = value;
        }

        Refresh();
    }

    /// <summary>Throws away every write since the last commit and closes the index, as a crash would (tests).</summary>
    public void Abandon()
    {
        _disposed = true;
        Searchers.Dispose();
        _writer.Rollback();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Searchers.Dispose();
        _writer.Dispose();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
    }
}
