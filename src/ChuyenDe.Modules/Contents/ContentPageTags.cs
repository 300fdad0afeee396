using ChuyenDe.Modules.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// Which cached public pages show a content version: a version that is or was published shows on its item page, the
/// lists of its type and the pages listing several types (home, library, curated lists, the site feed, the sitemap).
/// Drafts show nowhere; a taxonomy's terms show on item pages and in filters.
/// </summary>
internal static class ContentPageTags
{
    public static IEnumerable<string> Of(EntityEntry<ContentItemVersionRecord> entry)
    {
        if (!ShowsPublicly(entry))
        {
            return [];
        }

        var record = entry.Entity;
        List<string> tags = [CacheTags.Item(record.ContentItemId), CacheTags.Type(record.ContentType), CacheTags.Listings];
        if (record.ContentType is "Taxonomy")
        {
            // Term names show on many pages, and the main menu of every page links a news category by its address.
            tags.Add(CacheTags.Terms);
            tags.Add(CacheTags.Site);
        }

        return tags;
    }

    /// <summary>Whether the change of a version row changes what the public pages show (see the class).</summary>
    public static bool ShowsPublicly(EntityEntry<ContentItemVersionRecord> entry)
    {
        var record = entry.Entity;
        var wasPublished = entry.State != EntityState.Added && entry.Property(r => r.Published).OriginalValue;
        var isPublished = entry.State != EntityState.Deleted && record.Published;
        return entry.State switch
        {
            EntityState.Added => isPublished,
            EntityState.Deleted => wasPublished,
            // A published version changes only by being unpublished, removed or re-dated; Latest moving to a new draft shows nowhere.
            _ => wasPublished != isPublished
                 || (isPublished && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(ContentItemVersionRecord.Latest))),
        };
    }
}
