using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Http;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// The <see cref="ItemPageModel"/> of published versions kept in the <see cref="FragmentCache"/> (a fragment of the page,
/// not the page: the output cache keeps pages), so that an item page builds its display model once per version and not on
/// every request. Evicted by the tags of what it shows: a new version, unpublishing or moving the item (<c>item:{id}</c>),
/// a change of an item it links to, of a term, a unit, a curation or commendation, or of the site settings.
/// </summary>
public sealed class ItemPageModels(
    FragmentCache fragments,
    IContentDisplayBuilder display,
    IContentDefinitionManager definitions,
    IFieldDrivers drivers,
    StructuredData.ItemStructuredData structuredData,
    PublicAddresses addresses)
{
    /// <summary>The view data key of the fragment key the item view caches its HTML under (absent: not cached).</summary>
    public const string FragmentKeyViewData = "ItemFragmentKey";

    /// <summary>The view data key of the fragments' tags.</summary>
    public const string FragmentTagsViewData = "ItemFragmentTags";

    /// <summary>The model of a published item's page, built on the first request after a change of what it shows.</summary>
    public async Task<ItemPageModel> GetAsync(HttpContext context, ContentItem item, CancellationToken ct = default)
    {
        // Absolute addresses (canonical, share links, JSON-LD) follow the request's host when no public address is set.
        var key = "item-page:" + item.ContentItemVersionId + "|" + addresses.BaseUrl;
        if (item.Published && !string.IsNullOrEmpty(item.ContentItemVersionId) && fragments.TryGet<ItemPageModel>(key) is { } kept)
        {
            PageCache.Tag(context, kept.Tags);
            return kept with { Detail = await WithCurrentDownloadCountAsync(item, kept.Detail, ct) };
        }

        var generation = fragments.Generation;
        ContentDetail detail;
        string node;
        using (var collected = FragmentCache.CollectTags(context))
        {
            collected.AddRange([CacheTags.Site, CacheTags.Definitions, CacheTags.Item(item.ContentItemId), CacheTags.Terms, CacheTags.Organizations, CacheTags.Curations]);
            collected.AddRange((await LinkedItemsAsync(item, ct)).Select(CacheTags.Item));
            detail = await display.BuildDetailAsync(item, ct);
            node = StructuredData.JsonLd.Serialize(await structuredData.BuildAsync(item, detail, ct));
            var model = new ItemPageModel(detail, node, key, new HashSet<string>(collected.Tags, StringComparer.Ordinal));
            PageCache.Tag(context, model.Tags);
            if (item.Published && !string.IsNullOrEmpty(item.ContentItemVersionId))
            {
                fragments.Keep(key, model, EstimatedWeight(detail) + node.Length, model.Tags, generation);
            }

            return model;
        }
    }

    private async Task<ContentDetail> WithCurrentDownloadCountAsync(ContentItem item, ContentDetail detail, CancellationToken ct)
        => detail.Downloads.Count == 0 ? detail : detail with { DownloadCount = await display.DownloadCountAsync(item, ct) };

    /// <summary>The items the page links to (a content picker: their titles and addresses show on it).</summary>
    private async Task<IEnumerable<string>> LinkedItemsAsync(ContentItem item, CancellationToken ct)
    {
        var type = await definitions.GetTypeDefinitionAsync(item.ContentType, ct);
        if (type is null)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var (part, field) in type.AllFields())
        {
            if (drivers.Get(field.FieldName) is { } driver)
            {
                ids.AddRange(driver.LinkedItemIds(item.Field(part.Name, field.Name)));
            }
        }

        return ids;
    }

    /// <summary>About the characters the model holds: its body, its fields and a fixed overhead.</summary>
    private static long EstimatedWeight(ContentDetail detail)
        => detail.BodyHtml.Length + (detail.Card.Summary?.Length ?? 0) + 256 * (detail.Fields.Count + detail.Gallery.Count + detail.Downloads.Count + 4);
}
