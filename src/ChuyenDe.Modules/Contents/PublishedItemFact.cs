namespace ChuyenDe.Modules.Contents;

/// <summary>A published item as counted by statistics: its type, unit, publication time and the terms chosen in its taxonomy fields, by taxonomy.</summary>
public sealed record PublishedItemFact(string ContentItemId, string ContentType, string? OrganizationId, DateTime? PublishedUtc, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms)
{
    public IReadOnlyList<string> TermsOf(string taxonomyId) => Terms.TryGetValue(taxonomyId, out var terms) ? terms : [];
}
