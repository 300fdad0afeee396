using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Lets other modules add facts to an item's search document without Search knowing their tables, e.g. Editorial
/// says whether an item is exemplary. Called while the document is built.
/// </summary>
public interface ISearchDocumentContributor
{
    Task ContributeAsync(ContentItem item, SearchDocumentFacts facts, CancellationToken ct);
}
