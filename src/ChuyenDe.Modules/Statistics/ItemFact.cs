namespace ChuyenDe.Modules.Statistics;

/// <summary>A published item as the statistics count it: its type, unit, publication time and chosen terms by taxonomy.</summary>
internal sealed record ItemFact(string Id, string Type, string? OrganizationId, DateTime? PublishedUtc, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms)
{
    public IReadOnlyList<string> TermsOf(string taxonomyId) => Terms.TryGetValue(taxonomyId, out var terms) ? terms : [];
}
