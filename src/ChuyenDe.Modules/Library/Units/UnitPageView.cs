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
    string Description);
