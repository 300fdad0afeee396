namespace ChuyenDe.Modules.Library.Feeds;

/// <summary>The formats a feed is offered in: RSS 2.0 at <c>…/feed</c>, Atom 1.0 at <c>…/feed/atom</c>.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
}
