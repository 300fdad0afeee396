namespace ChuyenDe.Modules.Contents;

/// <summary>A taxonomy with its terms flattened in tree order.</summary>
public sealed record Taxonomy(string ContentItemId, string Title, IReadOnlyList<TaxonomyTerm> Terms)
{
    public TaxonomyTerm? Find(string termId) => Terms.FirstOrDefault(t => t.ContentItemId == termId);
}
