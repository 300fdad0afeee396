using System.Text;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Harvesting;

/// <summary>
/// The sets of the repository, hierarchical with <c>:</c>: <c>type:{ContentType}</c>; the organisation tree
/// <c>donvi:{department}:{district}:{school}</c> (each segment a unit's id, along the units' parents; clusters group
/// schools across the tree and are no sets); the criteria <c>tieuchi:{term slug}</c>;
/// the school years <c>namhoc:{2022-2023}</c>. An item is in the sets of its type, its unit's path, its criteria and its
/// school years, and so in every set above them.
/// </summary>
internal sealed class OaiSets(IOrganizationService organizations, ITaxonomyService taxonomies, IContentDefinitionManager definitions)
{
    public const string TypeRoot = "type";
    public const string OrganizationRoot = "donvi";
    public const string CriteriaRoot = "tieuchi";
    public const string SchoolYearRoot = "namhoc";
    public const string CriteriaTaxonomy = "tax-criteria";
    public const string SchoolYearsTaxonomy = "tax-school-years";

    private Dictionary<string, (string Path, string Name)>? _units;

    /// <summary>Every set, parents before their children.</summary>
    public async Task<IReadOnlyList<OaiSet>> ListAsync(IStringLocalizer<HarvestingResources> T, CancellationToken ct)
    {
        var sets = new List<OaiSet> { new(TypeRoot, T["Content types"]) };
        foreach (var type in HarvestedTypes.All)
        {
            var definition = await definitions.GetTypeDefinitionAsync(type, ct);
            sets.Add(new OaiSet(TypeRoot + ":" + type, definition?.DisplayName ?? type));
        }

        sets.Add(new OaiSet(OrganizationRoot, T["Units"]));
        sets.AddRange((await UnitsAsync(ct)).Values.Select(u => new OaiSet(u.Path, u.Name)));

        foreach (var (root, taxonomyId) in new[] { (CriteriaRoot, CriteriaTaxonomy), (SchoolYearRoot, SchoolYearsTaxonomy) })
        {
            var taxonomy = await taxonomies.GetTaxonomyAsync(taxonomyId, ct);
            sets.Add(new OaiSet(root, taxonomy?.Title ?? root));
            foreach (var term in taxonomy?.Terms ?? [])
            {
                sets.Add(new OaiSet(root + ":" + TermSegment(term), term.Title));
            }
        }

        return sets;
    }

    /// <summary>The most specific sets an item is in (the sets above them hold it too).</summary>
    public async Task<IReadOnlyList<string>> SpecsOfAsync(ContentItem item, CancellationToken ct)
    {
        var specs = new List<string> { TypeRoot + ":" + item.ContentType };
        if (item.OrganizationId is { } organizationId && (await UnitsAsync(ct)).TryGetValue(organizationId, out var unit))
        {
            specs.Add(unit.Path);
        }

        foreach (var termId in ChosenTerms(item, CriteriaTaxonomy))
        {
            if (await taxonomies.FindTermAsync(termId, ct) is { } term)
            {
                specs.Add(CriteriaRoot + ":" + TermSegment(term));
            }
        }

        foreach (var termId in ChosenTerms(item, SchoolYearsTaxonomy))
        {
            if (await taxonomies.FindTermAsync(termId, ct) is { } term)
            {
                specs.Add(SchoolYearRoot + ":" + TermSegment(term));
            }
        }

        return specs.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>What a set spec selects; null when the repository has no such set.</summary>
    public async Task<OaiSetFilter?> ResolveAsync(string spec, CancellationToken ct)
    {
        var segments = spec.Split(':');
        switch (segments[0])
        {
            case TypeRoot when segments.Length == 1:
                return new OaiSetFilter(spec, HarvestedTypes.All, null, null);
            case TypeRoot when segments.Length == 2 && HarvestedTypes.Contains(segments[1]):
                return new OaiSetFilter(spec, [segments[1]], null, null);
            case OrganizationRoot when segments.Length == 1:
                return new OaiSetFilter(spec, HarvestedTypes.All, (await UnitsAsync(ct)).Keys.ToList(), null);
            case OrganizationRoot:
            {
                var units = await UnitsAsync(ct);
                var id = segments[^1];
                if (!units.TryGetValue(id, out var unit) || unit.Path != spec)
                {
                    return null;
                }

                return new OaiSetFilter(spec, HarvestedTypes.All, (await organizations.GetSubtreeIdsAsync(id, ct)).ToList(), null);
            }

            case CriteriaRoot or SchoolYearRoot when segments.Length <= 2:
            {
                var taxonomy = await taxonomies.GetTaxonomyAsync(segments[0] == CriteriaRoot ? CriteriaTaxonomy : SchoolYearsTaxonomy, ct);
                if (taxonomy is null)
                {
                    return null;
                }

                var terms = segments.Length == 1
                    ? taxonomy.Terms
                    : taxonomy.Terms.Where(t => TermSegment(t) == segments[1]).ToList();
                return terms.Count == 0 ? null : new OaiSetFilter(spec, HarvestedTypes.All, null, terms.Select(t => t.ContentItemId).ToList());
            }

            default:
                return null;
        }
    }

    /// <summary>The terms chosen in the item's taxonomy fields of a taxonomy.</summary>
    public static IEnumerable<string> ChosenTerms(ContentItem item, string taxonomyId)
    {
        foreach (var (_, part) in item.Content)
        {
            if (part is not System.Text.Json.Nodes.JsonObject fields)
            {
                continue;
            }

            foreach (var (_, field) in fields)
            {
                if (field is System.Text.Json.Nodes.JsonObject f
                    && ContentValidator.Text(f["TaxonomyContentItemId"]) == taxonomyId
                    && f["TermContentItemIds"] is System.Text.Json.Nodes.JsonArray ids)
                {
                    foreach (var id in ids.Select(ContentValidator.Text).Where(i => !string.IsNullOrEmpty(i)))
                    {
                        yield return id!;
                    }
                }
            }
        }
    }

    /// <summary>A term's segment of a set spec: its slug, else its title slugified.</summary>
    public static string TermSegment(TaxonomyTerm term) => Segment(term.Slug is { Length: > 0 } slug ? slug : Slugs.Slugify(term.Title));

    /// <summary>
    /// A segment of a set spec in the characters OAI-PMH allows (<c>[A-Za-z0-9\-_.!~*'()]</c>); any other character
    /// becomes <c>-</c>.
    /// </summary>
    public static string Segment(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c) ? c : '-');
        }

        return builder.Length == 0 ? "-" : builder.ToString();
    }

    /// <summary>Each unit's set spec (its path from the top of the tree) and name, by id.</summary>
    private async Task<Dictionary<string, (string Path, string Name)>> UnitsAsync(CancellationToken ct)
    {
        if (_units is not null)
        {
            return _units;
        }

        // Tree order: each unit after its parent, siblings by name; clusters left out (a school's parent is its district).
        var all = (await organizations.ListAsync(ct)).Where(o => o.Kind != OrganizationKind.Cluster).ToList();
        var ids = all.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var children = all.ToLookup(o => o.ParentId is { } parent && ids.Contains(parent) ? parent : "", StringComparer.Ordinal);
        var units = new Dictionary<string, (string Path, string Name)>(StringComparer.Ordinal);
        void Walk(string parentKey, string path)
        {
            foreach (var unit in children[parentKey].OrderBy(o => o.Name, StringComparer.Ordinal))
            {
                if (units.ContainsKey(unit.Id))
                {
                    continue;
                }

                var spec = path + ":" + Segment(unit.Id);
                units[unit.Id] = (spec, unit.Name);
                Walk(unit.Id, spec);
            }
        }

        Walk("", OrganizationRoot);
        return _units = units;
    }

    /// <summary>The units above an item's unit and the unit itself, top first (names), for publisher, contributor and coverage.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> UnitPathAsync(string organizationId, CancellationToken ct)
    {
        var units = await UnitsAsync(ct);
        if (!units.TryGetValue(organizationId, out var unit))
        {
            return [];
        }

        var byPath = units.ToDictionary(u => u.Value.Path, u => (u.Key, u.Value.Name), StringComparer.Ordinal);
        var segments = unit.Path.Split(':');
        var path = new List<(string, string)>();
        for (var i = 2; i <= segments.Length; i++)
        {
            if (byPath.TryGetValue(string.Join(':', segments[..i]), out var found))
            {
                path.Add(found);
            }
        }

        return path;
    }
}
