namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// One unit's views and downloads in the period (of the items that belong to it), with its district office and how many of
/// its items were viewed or downloaded; a unit of the scope with none has a row of zeros. <see cref="OrganizationId"/> is
/// null for items that belong to no unit.
/// </summary>
public sealed record UnitCounts(string? OrganizationId, string UnitName, string? DistrictName, int Items, long Views, long Downloads);
