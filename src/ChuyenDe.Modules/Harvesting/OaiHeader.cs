namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// A record's place in the repository: the item's id and type, its datestamp (the publication time of its published
/// version, or when it stopped being published) and whether it is deleted (then with the sets it was in).
/// </summary>
public sealed record OaiHeader(string ContentItemId, string ContentType, DateTime DatestampUtc, bool Deleted, IReadOnlyList<string> DeletedSetSpecs);
