using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace ChuyenDe.Modules.Library.Feeds;

/// <summary>
/// Writes a feed as RSS 2.0 or Atom 1.0 (System.ServiceModel.Syndication): absolute addresses, the publication and
/// modification dates, the summary, the content type as category, the unit as author and the card picture as an
/// enclosure. Each entry's licence: in Atom a <c>&lt;link rel="license" href="…"/&gt;</c> (RFC 4946) for a Creative
/// Commons licence and <c>&lt;rights&gt;</c> with its Vietnamese name; in RSS 2.0, which has no licence of an item, the
/// Creative Commons RSS module's <c>&lt;creativeCommons:license&gt;</c> with the licence's URI (none for all rights reserved).
/// </summary>
public static class FeedWriter
{
    /// <summary>The media type of a format, with its charset.</summary>
    public static string ContentType(FeedFormat format)
        => format == FeedFormat.Atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";

    /// <param name="title">The feed's title (site name and list).</param>
    /// <param name="description">What the feed carries.</param>
    /// <param name="pageUrl">The absolute address of the HTML page the feed follows.</param>
    /// <param name="feedUrl">The absolute address of the feed itself (its id and <c>rel="self"</c> link).</param>
    /// <param name="entries">The entries, newest first.</param>
    /// <param name="absolute">Makes a site path absolute.</param>
    /// <param name="fallbackUpdated">The feed's date when it has no entry.</param>
    public static byte[] Write(
        FeedFormat format,
        string title,
        string description,
        string pageUrl,
        string feedUrl,
        IReadOnlyList<FeedEntry> entries,
        Func<string, string> absolute,
        DateTimeOffset fallbackUpdated)
    {
        var feed = new SyndicationFeed(title, description, new Uri(pageUrl), feedUrl, Updated(entries, fallbackUpdated))
        {
            Language = "vi",
            Generator = "ChuyenDe CMS",
        };
        feed.Links.Add(new SyndicationLink(new Uri(feedUrl), "self", title, FeedWriter.ContentType(format).Split(';')[0], 0));
        feed.Items = entries.Select(e => Item(format, e, absolute)).ToList();
        if (format == FeedFormat.Rss && entries.Any(e => e.License?.Uri is not null))
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName("creativeCommons", "http://www.w3.org/2000/xmlns/"), CreativeCommonsRssNamespace);
        }

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed, false);
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static DateTimeOffset Updated(IReadOnlyList<FeedEntry> entries, DateTimeOffset fallback)
        => entries.Count == 0 ? fallback : entries.Max(e => Modified(e));

    private static DateTimeOffset Modified(FeedEntry entry)
        => Utc(entry.Item.ModifiedUtc ?? entry.Item.PublishedUtc) ?? DateTimeOffset.UnixEpoch;

    private static DateTimeOffset? Utc(DateTime? value)
        => value is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null;

    /// <summary>The namespace of the Creative Commons RSS module (an item's <c>creativeCommons:license</c>).</summary>
    public const string CreativeCommonsRssNamespace = "http://backend.userland.com/creativeCommonsRssModule";

    private static SyndicationItem Item(FeedFormat format, FeedEntry entry, Func<string, string> absolute)
    {
        var url = absolute(entry.Card.Url);
        var item = new SyndicationItem(entry.Card.Title, entry.Card.Summary ?? "", new Uri(url), url, Modified(entry));
        if (Utc(entry.Item.PublishedUtc) is { } published)
        {
            item.PublishDate = published;
        }

        item.Categories.Add(new SyndicationCategory(entry.Card.TypeDisplayName));
        if (!string.IsNullOrEmpty(entry.Card.OrganizationName))
        {
            item.Authors.Add(new SyndicationPerson { Name = entry.Card.OrganizationName });
        }

        if (entry.Card.Image is { } image)
        {
            item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(absolute(image.Derivatives.CardJpeg)), "image/jpeg", 0));
        }

        if (entry.License is { } license)
        {
            if (format == FeedFormat.Atom)
            {
                if (license.Uri is { } uri)
                {
                    item.Links.Add(new SyndicationLink(new Uri(uri)) { RelationshipType = "license" });
                }

                item.Copyright = new TextSyndicationContent(entry.LicenseName ?? license.ShortName);
            }
            else if (license.Uri is { } uri)
            {
                item.ElementExtensions.Add("license", CreativeCommonsRssNamespace, uri);
            }
        }

        return item;
    }
}
