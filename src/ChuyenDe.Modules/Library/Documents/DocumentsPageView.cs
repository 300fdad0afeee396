using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.Documents;

/// <summary>The page <c>/van-ban</c>: the filters (issuer, kind, year) as drop-down lists, the documents and the pager.</summary>
public sealed record DocumentsPageView(IReadOnlyList<FilterGroup> Filters, IReadOnlyList<OfficialDocumentEntry> Documents, PagerView Pager)
{
    /// <summary>Whether a filter is chosen.</summary>
    public bool Filtered => Filters.Any(g => g.Options.Any(o => o.Selected));
}
