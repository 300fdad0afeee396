namespace ChuyenDe.Modules.Search;

/// <summary>How far this node's index is behind the indexing-task table (for health checks and metrics).</summary>
public interface ISearchIndexStatus
{
    Task<SearchIndexLag> GetLagAsync(CancellationToken ct = default);
}
