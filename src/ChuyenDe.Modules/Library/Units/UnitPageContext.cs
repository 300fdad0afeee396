using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// The unit whose page is being built, for its <see cref="IUnitPageSection"/>s: the unit itself and the ids of every
/// unit below it (an office's clusters and schools; empty for a school), active or not.
/// </summary>
public sealed record UnitPageContext(Organization Unit, IReadOnlySet<string> BelowIds);
