using ChuyenDe.Modules.Library.Units;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>
/// The "Khen thưởng" section of a unit's public page (<see cref="IUnitPageSection"/>): the published commendations of
/// the unit and, for an office, of the units below it (each named), newest decision first, with the decision's
/// reference; "Xem tất cả" opens the honour roll (filtered by the district for a district office).
/// </summary>
internal sealed class CommendationsUnitSection(ICommendationQuery query, IStringLocalizer<CommendationsResources> T) : IUnitPageSection
{
    /// <summary>At most this many lines; the honour roll has the rest.</summary>
    public const int MaxEntries = 12;

    public int Order => 100;

    public async Task<UnitPageSection?> BuildAsync(UnitPageContext unit, CancellationToken ct = default)
    {
        var own = unit.Unit.Id;
        var list = (await query.ForOrganizationAsync(own, includeUnitsBelow: unit.BelowIds.Count > 0, ct))
            .Where(c => c.OrganizationId == own || (c.OrganizationId is not null && unit.BelowIds.Contains(c.OrganizationId)))
            .OrderByDescending(c => c.DecisionDate).ThenBy(c => c.DecisionId).ThenBy(c => c.Order)
            .ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var entries = list.Take(MaxEntries).Select(c =>
        {
            var who = c.Kind == RecipientKind.Individual && !string.IsNullOrWhiteSpace(c.Position) ? $"{c.Name}, {c.Position}" : c.Name;
            return new UnitPageSectionEntry(who, c.OrganizationId is { } org && org != own ? UnitAddresses.Of(org) : null,
                CommendationText.Reference(T, c.DecisionNumber, c.DecisionDate, c.Level));
        }).ToList();
        var more = HonourRollController.Path + (unit.Unit.Kind == OrganizationKind.DistrictOffice ? "?district=" + Uri.EscapeDataString(own) : "");
        return new UnitPageSection(T["Commendations"], entries) { MoreUrl = more, CacheTags = [CommendationCache.Tag] };
    }
}
