namespace ChuyenDe.Modules.Library.StructuredData;

/// <summary>
/// The OAI-PMH record of an item page (<c>/oai</c>, served by the Harvesting module): its identifier
/// <c>oai:{host}:{ContentItemId}</c> — the host name of the request, lower-case, without port — and the GetRecord
/// address in <c>oai_dc</c> that the page links as <c>&lt;link rel="alternate" type="application/xml"&gt;</c>.
/// </summary>
public static class OaiRecords
{
    public const string EndpointPath = "/oai";

    /// <summary>The key of the page's record address in its view data (the layout links it).</summary>
    public const string ViewDataKey = "OaiRecord";

    /// <summary>The types whose published items are records of the repository, in the order the sets list them: the library's, then official documents.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. SiteController.LibraryTypes, Documents.OfficialDocument.ContentType];

    /// <summary><see cref="Types"/> as a set, for membership tests.</summary>
    public static IReadOnlySet<string> ContentTypes { get; } = new HashSet<string>(Types, StringComparer.Ordinal);

    public static string Identifier(string host, string contentItemId) => "oai:" + host.ToLowerInvariant() + ":" + contentItemId;

    /// <summary>The site path of the item's record: <c>/oai?verb=GetRecord&amp;metadataPrefix=oai_dc&amp;identifier=…</c>.</summary>
    public static string GetRecordPath(string host, string contentItemId)
        => EndpointPath + "?verb=GetRecord&metadataPrefix=oai_dc&identifier=" + Uri.EscapeDataString(Identifier(host, contentItemId));
}
