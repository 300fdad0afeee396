namespace ChuyenDe.Modules.Fields;

/// <summary>
/// Where the badges of an item's page come from (the public site's curations); implemented outside this module so that
/// the display builder depends on no feature that shows it.
/// </summary>
public interface IContentBadgeSource
{
    Task<IReadOnlyList<ContentBadge>> GetBadgesAsync(string contentItemId, CancellationToken ct = default);
}
