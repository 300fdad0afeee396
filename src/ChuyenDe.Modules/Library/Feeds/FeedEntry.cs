using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Library.Feeds;

/// <summary>One item of a feed: the published version and its card (title, address, summary, picture, unit).</summary>
public sealed record FeedEntry(ContentItem Item, ContentCard Card);
