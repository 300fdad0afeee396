namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// What a set spec selects among the published items (types; units, null: any; terms, null: any) and among the
/// tombstones (by the spec itself, kept with each tombstone).
/// </summary>
public sealed record OaiSetFilter(string Spec, IReadOnlyCollection<string> Types, IReadOnlyCollection<string>? OrganizationIds,
    IReadOnlyCollection<string>? TermIds);
