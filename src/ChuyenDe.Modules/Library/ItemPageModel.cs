using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// What the page of a published version shows that does not depend on the request beyond the site's address: its
/// display model, its schema.org node, and the key and tags of the fragments of its rendered HTML.
/// </summary>
/// <param name="Detail">The display model (its download count is that of when it was built: read it again per request).</param>
/// <param name="StructuredData">The page's schema.org node, written (<see cref="ChuyenDe.Modules.Library.StructuredData.JsonLd.Serialize"/>).</param>
/// <param name="FragmentKey">The beginning of the keys of the page's HTML fragments.</param>
/// <param name="Tags">The cache tags of everything the page shows of the item: the item, the items it links, terms, units, curations, commendations, the site.</param>
public sealed record ItemPageModel(ContentDetail Detail, string StructuredData, string FragmentKey, IReadOnlySet<string> Tags);
