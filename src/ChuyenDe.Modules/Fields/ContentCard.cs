using System.Globalization;
using System.Text;

namespace ChuyenDe.Modules.Fields;

/// <summary>A card in a list: title, link, summary, picture and where it comes from.</summary>
public sealed record ContentCard(
    string ContentItemId,
    string ContentType,
    string TypeDisplayName,
    string Title,
    string Url,
    string? Summary,
    ImageView? Image,
    DateTime? PublishedLocal,
    string? OrganizationName)
{
    /// <summary>Curations shown with the item: exemplary product or model site, with level, theme, year and citation.</summary>
    public IReadOnlyList<ContentBadge> Badges { get; init; } = [];

    /// <summary>
    /// The id of the item's unit while that unit is active (the public site gives active units a page); null when the
    /// item belongs to no unit or to one that is no longer active.
    /// </summary>
    public string? OrganizationId { get; init; }

    /// <summary>How long a card's rendered HTML is kept after its last use (<see cref="FragmentKey"/>).</summary>
    public static readonly TimeSpan FragmentLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Every value of the card, badges included, as one string: the key under which the public lists keep the card's
    /// rendered HTML (a fragment cache: <c>&lt;cache vary-by="@card.FragmentKey()"&gt;</c>). The markup of a card is a
    /// function of these values only, so whatever changes one of them — a new published version, a unit or a type
    /// renamed, another time zone, a curation given or withdrawn — gives another key, and a kept fragment is never
    /// stale; unused ones expire (<see cref="FragmentLifetime"/>) within the tag helper's bounded memory cache. A new
    /// property of the card must be added here (<c>ContentCardTests</c> checks that every property changes the key).
    /// </summary>
    public string FragmentKey()
    {
        var key = new StringBuilder(256);
        void Add(string? value) => (value is null ? key.Append('\u0000') : key.Append(value)).Append('\u001f');

        Add(ContentItemId);
        Add(ContentType);
        Add(TypeDisplayName);
        Add(Title);
        Add(Url);
        Add(Summary);
        Add(OrganizationName);
        Add(OrganizationId);
        Add(PublishedLocal?.Ticks.ToString(CultureInfo.InvariantCulture));
        if (Image is { } image)
        {
            var d = image.Derivatives;
            Add(image.Url);
            Add(image.Alt);
            Add(d.ThumbnailWebp);
            Add(d.ThumbnailJpeg);
            Add(d.CardWebp);
            Add(d.CardJpeg);
            Add(d.FullJpeg);
            Add(d.ThumbnailWidth.ToString(CultureInfo.InvariantCulture));
            Add(d.CardWidth.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Add(null);
        }

        foreach (var badge in Badges)
        {
            Add(badge.Kind);
            Add(badge.Title);
            Add(badge.Text);
        }

        return key.ToString();
    }
}
