namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// The content types whose published items OAI-PMH gives out: the library's types and the official documents, the same
/// set as the item pages that link their record (<see cref="Library.StructuredData.OaiRecords.ContentTypes"/>).
/// </summary>
public static class HarvestedTypes
{
    public static IReadOnlyList<string> All => Library.StructuredData.OaiRecords.Types;

    public static bool Contains(string contentType) => Library.StructuredData.OaiRecords.ContentTypes.Contains(contentType);
}
