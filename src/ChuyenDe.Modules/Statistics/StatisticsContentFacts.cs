using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// Reads the published items that the statistics count: the published version of every item of a listable type that
/// belongs to a unit (has the organisation part), of a unit counted by the query, published within the period (the
/// published version's publication time), with the terms chosen in its taxonomy fields. The rows are filtered in the
/// database and grouped in memory (a province's library is thousands of items, not millions).
/// </summary>
internal sealed class StatisticsContentFacts(IPublishedItemFacts published, IContentDefinitionManager definitions, ITaxonomyService taxonomies)
{
    public const string CriteriaTaxonomy = "tax-criteria";
    public const string LevelsTaxonomy = "tax-levels";
    public const string SchoolYearsTaxonomy = "tax-school-years";
    public const string ModelSiteThemesTaxonomy = "tax-model-site-themes";
    public const string ExemplaryProduct = "ExemplaryProduct";
    public const string ModelSite = "ModelSite";

    private IReadOnlyList<ContentTypeDefinition>? _types;

    /// <summary>
    /// Official documents (văn bản chỉ đạo) are the Departments' and offices' directives, listed at /van-ban: they are
    /// not the units' work the statistics count.
    /// </summary>
    public const string OfficialDocument = "OfficialDocument";

    /// <summary>The types counted: listable, with the organisation part, in the definitions' order; official documents aside.</summary>
    public async Task<IReadOnlyList<ContentTypeDefinition>> TypesAsync(CancellationToken ct)
        => _types ??= Counted(await definitions.ListTypeDefinitionsAsync(ct));

    public static IReadOnlyList<ContentTypeDefinition> Counted(IEnumerable<ContentTypeDefinition> types)
        => types.Where(t => t.TypeSettings.Listable && ContentParts.HasOrganization(t) && t.Name != OfficialDocument).ToList();

    public Task<Taxonomy?> TaxonomyAsync(string id, CancellationToken ct) => taxonomies.GetTaxonomyAsync(id, ct);

    public async Task<IReadOnlyList<PublishedItemFact>> LoadAsync(StatisticsQuery query, IReadOnlyCollection<string> types, CancellationToken ct)
    {
        var scope = query.Scope;
        var items = await published.ListAsync(types, query.FromUtc, query.ToUtc, scope.IsAdministrator ? null : scope.OrganizationIds, scope.SeesUnassigned, ct);
        return items.Where(i => query.Includes(i.OrganizationId)).ToList();
    }
}
