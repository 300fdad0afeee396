namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The published commendations, for the pages that show them: the honour roll, the badges of items, and the seam for a
/// unit's page (<c>/don-vi/{id}</c>). Pages that show them tag themselves with <see cref="CommendationCache.Tag"/>, so a
/// change of a decision evicts them.
/// </summary>
public interface ICommendationQuery
{
    /// <summary>Every recipient of every published decision, the newest decisions first, each decision's list in its order.</summary>
    Task<IReadOnlyList<PublishedCommendation>> PublishedAsync(CancellationToken ct = default);

    /// <summary>
    /// An organisation's commendations: the decisions that commend it as a collective, or one of its people (individuals
    /// of the unit); with <paramref name="includeUnitsBelow"/>, those of the units below it too (a district office's page).
    /// </summary>
    Task<IReadOnlyList<PublishedCommendation>> ForOrganizationAsync(string organizationId, bool includeUnitsBelow = false, CancellationToken ct = default);

    /// <summary>The published commendations of the recipients linked to an item.</summary>
    Task<IReadOnlyList<PublishedCommendation>> ForItemAsync(string contentItemId, CancellationToken ct = default);
}
