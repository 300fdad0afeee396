namespace ChuyenDe.Modules.Contents;

/// <summary>
/// What a <see cref="IPublishedItemStream"/> selects: the types, the publication time (<see cref="FromUtc"/> included,
/// <see cref="BeforeUtc"/> excluded), the units (null: any, with or without a unit) and the terms (null: any; otherwise
/// items with at least one of them chosen in their published version).
/// </summary>
public sealed record PublishedStreamQuery(
    IReadOnlyCollection<string> Types,
    DateTime? FromUtc = null,
    DateTime? BeforeUtc = null,
    IReadOnlyCollection<string>? OrganizationIds = null,
    IReadOnlyCollection<string>? TermIds = null);
