using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// A unit's public page: the unit and its kind, the active units above it (Sở → Phòng → Cụm) and below it, its own
/// published work by type, that of the units below it (offices, clusters, Departments), and the extension sections.
/// </summary>
public sealed record UnitPageView(
    Organization Unit,
    string KindName,
    IReadOnlyList<Organization> Above,
    IReadOnlyList<OrganizationNode> Below,
    IReadOnlyList<UnitWorkGroup> OwnWork,
    IReadOnlyList<UnitWorkGroup> BelowWork,
    IReadOnlyList<UnitPageSection> Sections,
    string Description)
{
    /// <summary>The library filtered to the unit's own items.</summary>
    public string? OwnLibraryUrl { get; init; }

    /// <summary>The library filtered to the items of the units below (an office's: its district, its own included).</summary>
    public string? BelowLibraryUrl { get; init; }

    /// <summary>The text of <see cref="BelowLibraryUrl"/>'s link.</summary>
    public string? BelowLibraryText { get; init; }
}
