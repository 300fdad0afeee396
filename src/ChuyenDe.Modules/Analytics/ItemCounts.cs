namespace ChuyenDe.Modules.Analytics;

/// <summary>One item's views and downloads in the period; its title and type from its published version (else its latest), its unit as counted.</summary>
public sealed record ItemCounts(string ContentItemId, string Title, string? ContentType, string? OrganizationId, string? UnitName, long Views, long Downloads);
