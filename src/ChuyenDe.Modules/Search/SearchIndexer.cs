using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Search;

/// <summary>Bound from <c>ChuyenDe:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "ChuyenDe:Search";

    /// <summary>Where this node keeps its indexes; default the data folder's <c>Index</c>.</summary>
    public string? IndexFolder { get; set; }

    /// <summary>How often the node looks for new indexing tasks (it is also woken by changes made on this node).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Writes are searchable at once and made durable (committed with the cursor) at most this often.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tasks read at a time.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Tasks created this recently are read again even when their id is below the cursor: a transaction that took its
    /// id before another but committed after it is still applied (see <see cref="SearchIndexer"/>).
    /// </summary>
    public TimeSpan LateTaskWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this node runs the background indexer (catch-up at start-up and on the timer).</summary>
    public bool RunIndexer { get; set; } = true;

    /// <summary>
    /// How many recent searches' results each index keeps for its current reader (dropped whenever the index is
    /// refreshed with changes; see <see cref="SearchResultCache"/>); 0 runs every search.
    /// </summary>
    public int ResultCacheSize { get; set; } = 256;
}

/// <summary>
/// This node's two indexes — <c>public</c> (published versions) and <c>latest</c> (latest versions, for admin search) —
/// fed from the indexing-task table.
/// <para>
/// Cursor: the highest task id applied, stored in each index's commit user data together with the documents, so a
/// crash between writing and committing loses both and the restart applies those tasks again; documents are replaced
/// by content item id, so nothing is duplicated. Applying a task reads the item as it is now, so applying a task
/// again, or out of order, is harmless.
/// </para>
/// <para>
/// Concurrent transactions: a task id is taken when the row is inserted but becomes visible only when its transaction
/// commits, so a smaller id can appear after a larger one has been applied. Each pass therefore also reads the tasks
/// created within <see cref="SearchOptions.LateTaskWindow"/> (30 s; far longer than a content transaction) whatever
/// their id, and applies those it has not applied yet (remembered in memory; after a restart the whole window is
/// applied again). SQLite serialises writers, so there the window never finds anything new.
/// </para>
/// When an index has no cursor (new, deleted or never built) it is rebuilt from the content tables first.
/// </summary>
internal sealed class SearchIndexer : ISearchIndexMaintenance, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly string _folder;
    private readonly SearchOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _openLock = new();
    private readonly Dictionary<long, DateTime> _appliedRecently = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SearchIndex? _public;
    private SearchIndex? _latest;
    private long _cursor = -1;
    private bool _pending;
    private DateTime _lastCommit = DateTime.MinValue;

    // What the public index holds per content item (a fingerprint of the document written, or Absent), as far as this
    // process wrote it. Most indexing tasks come from drafts saved, which change the latest index only: writing the
    // same public document again would open a new public reader (dropping every kept search result) and evict the
    // search pages of every node, twice a second while editors work. Unknown items (after a start) are written.
    private readonly Dictionary<string, string> _publicFingerprints = new(StringComparer.Ordinal);
    private const string Absent = "";
    private bool _publicChanged;
    private DateTime _lastPublicCommit = DateTime.MinValue;

    /// <summary>
    /// While the public index has no change, its commit (the cursor only) waits this long: committing the cursor opens
    /// a new reader too. A restart then re-applies at most these minutes of tasks, which change nothing.
    /// </summary>
    private static readonly TimeSpan PublicCursorEvery = TimeSpan.FromMinutes(5);

    public SearchIndexer(IServiceScopeFactory scopes, string folder, SearchOptions options, ILogger logger, TimeProvider clock)
    {
        _scopes = scopes;
        _folder = folder;
        _options = options;
        _logger = logger;
        _clock = clock;
    }

    /// <summary>The index of published versions.</summary>
    /// <summary>Completes once this node's first catch-up (or rebuild) after start-up has been tried.</summary>
    public Task Started => _started.Task;

    internal void MarkStarted() => _started.TrySetResult();

    /// <summary>
    /// Lets the first searches after start-up wait (a little) for the first catch-up, so that a fresh node does not
    /// answer "nothing found" while it is still rebuilding its index.
    /// </summary>
    public async Task WaitUntilStartedAsync(CancellationToken ct)
    {
        if (_started.Task.IsCompleted)
        {
            return;
        }

        try
        {
            await _started.Task.WaitAsync(TimeSpan.FromSeconds(15), ct);
        }
        catch (TimeoutException)
        {
            // A long rebuild (or no indexing service in this host): answer from what is indexed so far, and stop waiting.
            MarkStarted();
        }
    }

    public SearchIndex Public => Open().Public;

    /// <summary>The index of latest versions (admin search).</summary>
    public SearchIndex Latest => Open().Latest;

    public string Folder => _folder;

    /// <summary>The highest task id applied to this node's indexes; -1 until the first catch-up has read the index's cursor.</summary>
    internal long AppliedCursor => Interlocked.Read(ref _cursor);

    /// <summary>Whether this node's first catch-up (or rebuild) after start-up has been tried.</summary>
    internal bool HasStarted => _started.Task.IsCompleted;

    public Task<int> CatchUpAsync(CancellationToken ct = default) => CatchUpAsync(commit: true, ct);

    /// <param name="commit">False leaves the writes uncommitted (tests: a crash before the commit).</param>
    internal async Task<int> CatchUpAsync(bool commit, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var (publicIndex, latestIndex) = Open();
            if (publicIndex.Cursor is null || latestIndex.Cursor is null)
            {
                return await RebuildCoreAsync(ct);
            }

            if (_cursor < 0)
            {
                _cursor = Math.Min(publicIndex.Cursor.Value, latestIndex.Cursor.Value);
            }

            var applied = 0;
            var since = _clock.GetUtcNow().UtcDateTime - _options.LateTaskWindow;
            await using (var scope = _scopes.CreateAsyncScope())
            {
                var tasks = scope.ServiceProvider.GetRequiredService<DbContext>().Set<SearchIndexingTaskRecord>().AsNoTracking();

                // Late arrivals: committed after a task with a larger id was applied.
                var late = await tasks.Where(t => t.Id <= _cursor && t.CreatedUtc >= since).OrderBy(t => t.Id).ToListAsync(ct);
                applied += await ApplyAsync(scope.ServiceProvider, late.Where(t => !_appliedRecently.ContainsKey(t.Id)).ToList(), ct);

                while (true)
                {
                    var cursor = _cursor;
                    var batch = await tasks.Where(t => t.Id > cursor).OrderBy(t => t.Id).Take(Math.Max(1, _options.BatchSize)).ToListAsync(ct);
                    applied += await ApplyAsync(scope.ServiceProvider, batch, ct);
                    if (batch.Count < _options.BatchSize)
                    {
                        break;
                    }
                }
            }

            foreach (var old in _appliedRecently.Where(kv => kv.Value < since).Select(kv => kv.Key).ToList())
            {
                _appliedRecently.Remove(old);
            }

            if (applied > 0)
            {
                latestIndex.Refresh();
                if (_publicChanged)
                {
                    publicIndex.Refresh();
                    await EvictSearchPagesAsync();
                }
            }

            if (commit && _pending && _clock.GetUtcNow().UtcDateTime - _lastCommit >= _options.CommitInterval)
            {
                CommitCore();
            }

            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The cached pages built from the index (the library, search results) are evicted once new writes are visible to
    /// searches: evicting them when the change committed would let them be cached again before the index had it.
    /// </summary>
    private async Task EvictSearchPagesAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<Caching.IPageCacheEvictor>() is { } evictor)
        {
            await evictor.EvictAsync(Caching.CacheTags.SearchResults, CancellationToken.None);
        }
    }

    /// <summary>Commits what was applied and not yet committed (at shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_pending && _public is not null)
            {
                CommitCore(force: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await RebuildCoreAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the indexes throwing away uncommitted writes, as a crash of the process would (tests).</summary>
    internal void SimulateCrash()
    {
        lock (_openLock)
        {
            _public?.Abandon();
            _latest?.Abandon();
            _public = null;
            _latest = null;
            _cursor = -1;
            _pending = false;
            _appliedRecently.Clear();
            _publicFingerprints.Clear();
            _publicChanged = false;
        }
    }

    public void Dispose()
    {
        lock (_openLock)
        {
            _public?.Dispose();
            _latest?.Dispose();
            _public = null;
            _latest = null;
            _publicFingerprints.Clear();
        }
    }

    private (SearchIndex Public, SearchIndex Latest) Open()
    {
        lock (_openLock)
        {
            _public ??= SearchIndex.Open(Path.Combine(_folder, "public"), _options.ResultCacheSize);
            _latest ??= SearchIndex.Open(Path.Combine(_folder, "latest"), _options.ResultCacheSize);
            return (_public, _latest);
        }
    }

    private void CommitCore(bool force = false)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (force || _publicChanged || now - _lastPublicCommit >= PublicCursorEvery)
        {
            _public!.Commit(_cursor);
            _publicChanged = false;
            _lastPublicCommit = now;
        }

        _latest!.Commit(_cursor);
        _pending = false;
        _lastCommit = now;
    }

    /// <summary>Writes the public document unless the public index already holds the same one.</summary>
    private void WritePublic(SearchIndex index, string id, SearchDocument? document)
    {
        var fingerprint = document is null ? Absent : Fingerprint(document);
        if (_publicFingerprints.TryGetValue(id, out var held) && held == fingerprint)
        {
            return;
        }

        Write(index, id, document);
        _publicFingerprints[id] = fingerprint;
        _publicChanged = true;
    }

    private static string Fingerprint(SearchDocument document)
        => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document)));

    private async Task<int> ApplyAsync(IServiceProvider services, IReadOnlyList<SearchIndexingTaskRecord> tasks, CancellationToken ct)
    {
        if (tasks.Count == 0)
        {
            return 0;
        }

        var (publicIndex, latestIndex) = Open();
        var contents = services.GetRequiredService<IContentManager>();
        var builder = services.GetRequiredService<SearchDocumentBuilder>();
        foreach (var id in tasks.Select(t => t.ContentItemId).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var published = await contents.GetAsync(id, VersionOptions.Published, ct);
                var latest = await contents.GetAsync(id, VersionOptions.Latest, ct);
                var publishedDocument = published is null ? null : await builder.BuildAsync(published, ct);
                var latestDocument = latest is null ? null
                    : published is not null && latest.ContentItemVersionId == published.ContentItemVersionId ? publishedDocument
                    : await builder.BuildAsync(latest, ct);
                WritePublic(publicIndex, id, publishedDocument);
                Write(latestIndex, id, latestDocument);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken item must not stop the index: it is indexed again at its next change or rebuild.
                _logger.LogError(e, "Search could not index content item {ContentItemId}", id);
            }
        }

        foreach (var task in tasks)
        {
            _appliedRecently[task.Id] = task.CreatedUtc;
            _cursor = Math.Max(_cursor, task.Id);
        }

        _pending = true;
        return tasks.Count;
    }

    private static void Write(SearchIndex index, string id, SearchDocument? document)
    {
        if (document is null)
        {
            index.Delete(id);
        }
        else
        {
            index.AddOrUpdate(document);
        }
    }

    /// <summary>Both indexes from the content tables; the cursor is the last task id seen before reading.</summary>
    private async Task<int> RebuildCoreAsync(CancellationToken ct)
    {
        var (publicIndex, latestIndex) = Open();
        var started = _clock.GetUtcNow();
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbContext>();
        var cursor = await db.Set<SearchIndexingTaskRecord>().AsNoTracking().MaxAsync(t => (long?)t.Id, ct) ?? 0;
        var queries = services.GetRequiredService<IContentQueryService>();
        var builder = services.GetRequiredService<SearchDocumentBuilder>();
        publicIndex.DeleteAll();
        latestIndex.DeleteAll();
        _publicFingerprints.Clear();
        var count = 0;
        foreach (var (index, latest) in new[] { (publicIndex, false), (latestIndex, true) })
        {
            for (var page = 1; ; page++)
            {
                var result = await queries.QueryAsync(new ContentQuery
                {
                    LatestInsteadOfPublished = latest, Order = ContentOrder.PublishedOldest, Page = page, PageSize = 100,
                }, ct);
                foreach (var item in result.Items)
                {
                    try
                    {
                        if (await builder.BuildAsync(item, ct) is { } document)
                        {
                            index.AddOrUpdate(document);
                            if (!latest)
                            {
                                _publicFingerprints[document.ContentItemId] = Fingerprint(document);
                            }

                            count++;
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        _logger.LogError(e, "Search could not index content item {ContentItemId}", item.ContentItemId);
                    }
                }

                if (page >= result.PageCount)
                {
                    break;
                }
            }
        }

        _cursor = cursor;
        _appliedRecently.Clear();
        publicIndex.ForceMerge();
        latestIndex.ForceMerge();
        CommitCore(force: true);
        await EvictSearchPagesAsync();
        _logger.LogInformation("Search index rebuilt in {Folder}: {Count} documents in {Elapsed} ms", _folder, count,
            (int)(_clock.GetUtcNow() - started).TotalMilliseconds);
        return count;
    }
}

/// <summary>Catches this node's index up at start-up (rebuilding it when missing), then on a short timer.</summary>
internal sealed class SearchIndexingService(SearchIndexer indexer, SearchIndexSignal signal, SearchOptions options, ILogger<SearchIndexingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunIndexer)
        {
            indexer.MarkStarted();
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Search indexing failed; trying again shortly");
            }
            finally
            {
                indexer.MarkStarted();
            }

            try
            {
                if (await signal.WaitAsync(options.PollInterval, stoppingToken))
                {
                    // Woken inside a content transaction: give it a moment to commit.
                    await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await indexer.FlushAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Search index could not be committed at shutdown");
        }
    }
}
