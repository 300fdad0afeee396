using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>Operations on the node's index: catch up from the indexing-task table, or rebuild everything.</summary>
public interface ISearchIndexMaintenance
{
    Task<int> CatchUpAsync(CancellationToken ct = default);
    Task RebuildAsync(CancellationToken ct = default);
}
