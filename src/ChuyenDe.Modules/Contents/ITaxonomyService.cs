namespace ChuyenDe.Modules.Contents;

/// <summary>Published taxonomies with their terms flattened in tree order.</summary>
public interface ITaxonomyService
{
    Task<Taxonomy?> GetTaxonomyAsync(string taxonomyContentItemId, CancellationToken ct = default);
    Task<IReadOnlyList<Taxonomy>> ListTaxonomiesAsync(CancellationToken ct = default);
    Task<TaxonomyTerm?> FindTermAsync(string termContentItemId, CancellationToken ct = default);
}
