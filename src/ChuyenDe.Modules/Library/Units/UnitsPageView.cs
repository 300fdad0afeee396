using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// <c>/don-vi</c>: the tree of active units and, when a name was searched (<see cref="Query"/>), the units whose name
/// holds its words, tone marks or not.
/// </summary>
public sealed record UnitsPageView(IReadOnlyList<OrganizationNode> Roots, string? Query, IReadOnlyList<UnitMatch> Matches);
