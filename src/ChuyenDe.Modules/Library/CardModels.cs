using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Library;

/// <summary>
/// The <see cref="ContentCard"/> of published versions kept in the <see cref="FragmentCache"/>, so that the home page,
/// the library and the lists build a card's model once per version and not on every request. A card shows its version
/// (the key), the item's address (<c>item:{id}</c>, which a new version, unpublishing or moving the item evicts), its
/// unit's name and state (<c>organizations</c>), its type's name and fields (<c>definitions</c>) and dates in the site's
/// time zone (<c>site</c>); those tags evict it.
/// Curation badges are not part of the kept card: callers add them per request.
/// </summary>
public sealed class CardModels(FragmentCache fragments, IContentDisplayBuilder display)
{
    /// <summary>The cards of <paramref name="items"/> in their order; kept ones are reused, the others built and kept.</summary>
    public async Task<IReadOnlyList<ContentCard>> GetAsync(IEnumerable<ContentItem> items, CancellationToken ct = default)
    {
        var list = items as IReadOnlyList<ContentItem> ?? items.ToList();
        var cards = new ContentCard[list.Count];
        List<int>? missing = null;
        for (var i = 0; i < list.Count; i++)
        {
            if (Keyable(list[i]) && fragments.TryGet<ContentCard>(Key(list[i])) is { } kept)
            {
                cards[i] = kept;
            }
            else
            {
                (missing ??= []).Add(i);
            }
        }

        if (missing is null)
        {
            return cards;
        }

        var generation = fragments.Generation;
        var built = await display.BuildCardsAsync(missing.Select(i => list[i]), ct);
        for (var j = 0; j < missing.Count; j++)
        {
            var item = list[missing[j]];
            var card = built[j];
            cards[missing[j]] = card;
            if (Keyable(item))
            {
                fragments.Keep(Key(item), card, Weight(card), [CacheTags.Site, CacheTags.Definitions, CacheTags.Item(item.ContentItemId), CacheTags.Organizations], generation);
            }
        }

        return cards;
    }

    private static bool Keyable(ContentItem item) => item.Published && !string.IsNullOrEmpty(item.ContentItemVersionId);

    private static string Key(ContentItem item) => "card:" + item.ContentItemVersionId;

    /// <summary>About the characters the card holds, with a fixed overhead.</summary>
    private static long Weight(ContentCard card)
        => 512 + card.Title.Length + card.Url.Length + (card.Summary?.Length ?? 0) + (card.OrganizationName?.Length ?? 0);
}
