using ChuyenDe.Modules.Contents;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// Reads the published items that the statistics count: the published version of every item of a listable type that
/// belongs to a unit (has the organisation part), of a unit counted by the query, published within the period (the
/// published version's publication time), with the terms chosen in its taxonomy fields. The rows are filtered in the
/// database and grouped in memory (a province's library is thousands of items, not millions).
/// </summary>
internal sealed class StatisticsContentFacts(DbContext db, IContentDefinitionManager definitions, ITaxonomyService taxonomies)
{
    public const string CriteriaTaxonomy = "tax-criteria";
    public const string LevelsTaxonomy = "tax-levels";
    public const string SchoolYearsTaxonomy = "tax-school-years";
    public const string ModelSiteThemesTaxonomy = "tax-model-site-themes";
    public const string ExemplaryProduct = "ExemplaryProduct";
    public const string ModelSite = "ModelSite";

    private IReadOnlyList<ContentTypeDefinition>? _types;

    /// <summary>The types counted: listable, with the organisation part, in the definitions' order.</summary>
    public async Task<IReadOnlyList<ContentTypeDefinition>> TypesAsync(CancellationToken ct)
        => _types ??= Counted(await definitions.ListTypeDefinitionsAsync(ct));

    public static IReadOnlyList<ContentTypeDefinition> Counted(IEnumerable<ContentTypeDefinition> types)
        => types.Where(t => t.TypeSettings.Listable && t.HasPart("OrganizationPart")).ToList();

    public Task<Taxonomy?> TaxonomyAsync(string id, CancellationToken ct) => taxonomies.GetTaxonomyAsync(id, ct);

    public async Task<IReadOnlyList<ItemFact>> LoadAsync(StatisticsQuery query, IReadOnlyCollection<string> types, CancellationToken ct)
    {
        var typeNames = types.ToList();
        var rows = db.Set<ContentItemVersionRecord>().AsNoTracking().Where(r => r.Published && typeNames.Contains(r.ContentType));
        if (query.FromUtc is { } from)
        {
            rows = rows.Where(r => r.PublishedUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            rows = rows.Where(r => r.PublishedUtc < to);
        }

        if (!query.Scope.IsAdministrator)
        {
            var ids = query.Scope.OrganizationIds.ToList();
            rows = query.Scope.SeesUnassigned
                ? rows.Where(r => r.OrganizationId == null || ids.Contains(r.OrganizationId))
                : rows.Where(r => r.OrganizationId != null && ids.Contains(r.OrganizationId));
        }

        var items = (await rows.Select(r => new { r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.OrganizationId, r.PublishedUtc }).ToListAsync(ct))
            .Where(r => query.Includes(r.OrganizationId))
            .ToList();
        if (items.Count == 0)
        {
            return [];
        }

        var terms = (await db.Set<ContentTaxonomyRecord>().AsNoTracking()
                .Where(t => t.Published && typeNames.Contains(t.ContentType))
                .Select(t => new { t.ContentItemVersionId, t.TaxonomyContentItemId, t.TermContentItemId })
                .ToListAsync(ct))
            .GroupBy(t => t.ContentItemVersionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, IReadOnlyList<string>>)g
                .GroupBy(t => t.TaxonomyContentItemId, StringComparer.Ordinal)
                .ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Select(t => t.TermContentItemId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        var none = new Dictionary<string, IReadOnlyList<string>>();
        return items
            .Select(i => new ItemFact(i.ContentItemId, i.ContentType, i.OrganizationId, i.PublishedUtc, terms.GetValueOrDefault(i.ContentItemVersionId) ?? none))
            .ToList();
    }
}
