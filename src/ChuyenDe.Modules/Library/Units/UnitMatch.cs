using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>A unit found by its name on <c>/don-vi</c>, with its kind and the active units above it.</summary>
public sealed record UnitMatch(Organization Unit, string KindName, IReadOnlyList<Organization> Above);
