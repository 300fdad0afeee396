namespace ChuyenDe.Modules.Editors;

public sealed record ContentRowView(
    string ContentItemId,
    string Title,
    string TypeName,
    bool Published,
    bool HasPublishedVersion,
    DateTime? ScheduledLocal,
    string? OrganizationName,
    string? OwnerName,
    string Author,
    DateTime? ModifiedLocal,
    DateTime? PublishedLocal,
    string? PublicUrl,
    ContentRowActions Actions);
