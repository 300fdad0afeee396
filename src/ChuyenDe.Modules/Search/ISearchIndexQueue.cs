using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Lets other modules ask for an item to be indexed again when something outside the content item changed what its
/// search document holds (e.g. a curation making it exemplary). Written in the caller's transaction.
/// </summary>
public interface ISearchIndexQueue
{
    Task EnqueueAsync(string contentItemId, CancellationToken ct = default);
}
