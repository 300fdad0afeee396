namespace ChuyenDe.Modules.Harvesting;

/// <summary>The content types whose published items OAI-PMH gives out: the library's types and the official documents.</summary>
public static class HarvestedTypes
{
    public static IReadOnlyList<string> All { get; } = [.. Library.SiteController.LibraryTypes, Library.Documents.OfficialDocument.ContentType];

    public static bool Contains(string contentType) => All.Contains(contentType, StringComparer.Ordinal);
}
