using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>The axes the published items can be grouped by, with all their values for the query (so empty groups show).</summary>
internal sealed class StatisticsAxes(StatisticsContentFacts facts, IStringLocalizer<StatisticsResources> T)
{
    public async Task<PivotAxis> AxisAsync(StatisticsDimension dimension, StatisticsQuery query, IReadOnlyList<ContentTypeDefinition> types, CancellationToken ct)
    {
        switch (dimension)
        {
            case StatisticsDimension.Type:
                return new PivotAxis(T["Content type"], types.Select(t => (t.Name, t.DisplayName)).ToList(), i => [i.ContentType], T["(other)"]);

            case StatisticsDimension.District:
                return new PivotAxis(
                    T["District"],
                    query.CountedUnits.Where(o => o.Kind == OrganizationKind.DistrictOffice).Select(o => (o.Id, o.ShortName ?? o.Name)).ToList(),
                    i => query.DistrictOf(i.OrganizationId) is { } district ? [district.Id] : [],
                    T["Department level (no district)"]);

            case StatisticsDimension.Unit:
                return new PivotAxis(
                    T["Unit"],
                    query.CountedUnits.Where(o => o.Kind == OrganizationKind.School).Select(o => (o.Id, o.ShortName ?? o.Name)).ToList(),
                    i => i.OrganizationId is { } id ? [id] : [],
                    T["Offices and items without a school"]);

            case StatisticsDimension.CriteriaGroup:
                return await TaxonomyAxisAsync(T["Criteria group"], StatisticsContentFacts.CriteriaTaxonomy, rootsOnly: true, ct);

            case StatisticsDimension.Level:
                return await TaxonomyAxisAsync(T["Level"], StatisticsContentFacts.LevelsTaxonomy, rootsOnly: false, ct);

            default:
                return await TaxonomyAxisAsync(T["School year"], StatisticsContentFacts.SchoolYearsTaxonomy, rootsOnly: false, ct);
        }
    }

    /// <summary>
    /// An axis over a taxonomy's terms: every term (or, with <paramref name="rootsOnly"/>, every top term, an item's
    /// deeper term counting under its top term), an item having several counted under each.
    /// </summary>
    public async Task<PivotAxis> TaxonomyAxisAsync(string heading, string taxonomyId, bool rootsOnly, CancellationToken ct)
    {
        var taxonomy = await facts.TaxonomyAsync(taxonomyId, ct);
        var terms = taxonomy?.Terms ?? [];
        var values = terms.Where(t => !rootsOnly || t.ParentId is null || terms.All(p => p.ContentItemId != t.ParentId))
            .Select(t => (t.ContentItemId, t.Title)).ToList();
        string Root(string termId)
        {
            var term = taxonomy?.Find(termId);
            for (var guard = 0; rootsOnly && term?.ParentId is { } parent && guard < 32; guard++)
            {
                var up = taxonomy!.Find(parent);
                if (up is null)
                {
                    break;
                }

                term = up;
            }

            return term?.ContentItemId ?? termId;
        }

        return new PivotAxis(heading, values, i => i.TermsOf(taxonomyId).Select(Root), T["(not classified)"]) { MultiValued = true };
    }
}
