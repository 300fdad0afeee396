using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Search;

/// <summary>
/// Facet names used in <see cref="SearchRequest.Terms"/> and <see cref="SearchResults.Facets"/>, each backed by a
/// taxonomy (see docs/content-model.md), plus the non-taxonomy facets type, organisation, district and exemplary.
/// </summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Criteria = "criteria";            // tax-criteria
    public const string AgeGroup = "ageGroup";            // tax-age-groups
    public const string DevelopmentArea = "area";         // tax-development-areas
    public const string Level = "level";                  // tax-levels
    public const string SchoolYear = "schoolYear";        // tax-school-years
    public const string ResourceKind = "resourceKind";    // tax-resource-kinds
    public const string Theme = "theme";                  // tax-model-site-themes
    public const string Organization = "organization";    // the item's organisation id
    public const string District = "district";            // the district office above the item's organisation (or itself)
    public const string Exemplary = "exemplary";          // "true" for exemplary products and items curated as exemplary
}
