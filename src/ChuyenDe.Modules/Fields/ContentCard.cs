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
}
