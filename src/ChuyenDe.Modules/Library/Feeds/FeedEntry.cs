using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Licensing;

namespace ChuyenDe.Modules.Library.Feeds;

/// <summary>One item of a feed: the published version and its card (title, address, summary, picture, unit).</summary>
public sealed record FeedEntry(ContentItem Item, ContentCard Card)
{
    /// <summary>The item's licence (its licence field's, or the site's default); null writes none.</summary>
    public ContentLicense? License { get; init; }

    /// <summary>The licence's Vietnamese name (Atom's <c>rights</c>).</summary>
    public string? LicenseName { get; init; }
}
