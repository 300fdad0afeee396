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
}
