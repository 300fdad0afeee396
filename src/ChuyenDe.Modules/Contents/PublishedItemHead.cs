namespace ChuyenDe.Modules.Contents;

/// <summary>A published item's place in a <see cref="IPublishedItemStream"/>: id, type, unit and publication time (UTC).</summary>
public sealed record PublishedItemHead(string ContentItemId, string ContentType, string? OrganizationId, DateTime PublishedUtc);
