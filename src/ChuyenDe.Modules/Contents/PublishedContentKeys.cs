using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChuyenDe.Modules.Contents;

/// <summary>
/// The keys under which <see cref="ContentQueryService"/> keeps what anonymous pages read of published items in the
/// <see cref="Caching.ReferenceDataCache"/>: a route's item (by path) and an item's published version (by id). A change of
/// a route row drops the key of its path (old and new), a change of any version row of an item drops the item's key, so
/// publishing, unpublishing, deleting or moving an item is seen by the next request. The public lists' pages and counts
/// are kept as one set (<see cref="Lists"/>), dropped by any change of what is published.
/// </summary>
public static class PublishedContentKeys
{
    /// <summary>The published route at a path (normalized: no slashes around, lower case).</summary>
    public static string Path(string normalizedPath) => "Contents.Route:" + normalizedPath;

    /// <summary>The published version of an item.</summary>
    public static string Item(string contentItemId) => "Contents.Published:" + contentItemId;

    /// <summary>The pages of the public lists and the counts per type (<see cref="PublishedLists"/>), kept as one set.</summary>
    public const string Lists = "Contents.PublishedLists";

    /// <summary>A version row that is or was published changes the lists (the same rule as the cached pages' tags).</summary>
    internal static IEnumerable<string> OfListedVersion(EntityEntry<ContentItemVersionRecord> entry)
        => ContentPageTags.ShowsPublicly(entry) ? [Lists] : [];

    /// <summary>A taxonomy index row of a published version changes the lists filtered by terms.</summary>
    internal static IEnumerable<string> OfListedTerm(EntityEntry<ContentTaxonomyRecord> entry)
        => ChangesPublished(entry) ? [Lists] : [];

    /// <summary>A route row of a published version changes what its path (and its old path) leads to.</summary>
    internal static IEnumerable<string> OfRoute(EntityEntry<ContentRouteRecord> entry)
    {
        if (!ChangesPublished(entry))
        {
            yield break;
        }

        yield return Path(entry.Entity.Path);
        if (entry.State == EntityState.Modified && entry.Property(r => r.Path).OriginalValue is { } original && original != entry.Entity.Path)
        {
            yield return Path(original);
        }
    }

    /// <summary>
    /// Whether the change of an index row (route or taxonomy term, both with Published and Latest flags) changes what the
    /// published versions show: a published row added or removed, a row published or unpublished, or a published row
    /// changed otherwise than by its Latest flag (which moves to a new draft and shows nowhere in public).
    /// </summary>
    internal static bool ChangesPublished(EntityEntry entry)
    {
        var published = entry.Property(nameof(ContentRouteRecord.Published));
        var was = entry.State != EntityState.Added && (bool)published.OriginalValue!;
        var now = entry.State != EntityState.Deleted && (bool)published.CurrentValue!;
        return entry.State switch
        {
            EntityState.Added => now,
            EntityState.Deleted => was,
            _ => was != now || (now && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(ContentRouteRecord.Latest))),
        };
    }

    internal static IEnumerable<string> OfVersion(EntityEntry<ContentItemVersionRecord> entry)
    {
        yield return Item(entry.Entity.ContentItemId);
    }

    /// <summary>
    /// Reads every object and array of the item's content once, so that the nodes parsed lazily are built before the
    /// item is shared between threads (reads of a fully built node are safe; building it concurrently is not).
    /// </summary>
    internal static ContentItem Shareable(ContentItem item)
    {
        Walk(item.Content);
        return item;

        static void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }
}
