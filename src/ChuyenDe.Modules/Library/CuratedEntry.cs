using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library;

/// <summary>An item of a curated list: the item, the date it is sorted by and its active curations of the list's kind.</summary>
public sealed record CuratedEntry(ContentItem Item, DateTime Date, IReadOnlyList<CurationInfo> Curations);
