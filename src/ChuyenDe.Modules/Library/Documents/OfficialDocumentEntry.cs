using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Library.Documents;

/// <summary>A line of <c>/van-ban</c>: the document's card (title, address, summary, issuer) and its metadata as shown.</summary>
public sealed record OfficialDocumentEntry(ContentCard Card, string? Number, DateOnly? IssuedOn, string? Kind, string? Status);
