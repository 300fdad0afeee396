using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// The latest published items of one type on a unit's page (of the unit itself, or of the units below it), and the
/// address of the library filtered to all of them when there are more than the page shows.
/// </summary>
public sealed record UnitWorkGroup(string ContentType, string Title, IReadOnlyList<ContentCard> Cards, string? MoreUrl);
