using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library.Units;

/// <summary>
/// The public pages of the units: <c>/don-vi</c>, the tree of active units (Sở → Phòng → Cụm → Trường) with a search
/// by name that ignores tone marks, and <c>/don-vi/{id}</c>, a unit's page — its place in the tree, the units below it,
/// its latest published work by type, that of the units below it, and the sections other modules add
/// (<see cref="IUnitPageSection"/>). A unit that does not exist or is no longer active has no page (404).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class UnitsController(
    IOrganizationService organizations,
    IContentQueryService queries,
    IContentDisplayBuilder display,
    IEnumerable<IUnitPageSection> sections,
    PublicAddresses addresses,
    IStringLocalizer<LibraryResources> T) : Controller
{
    /// <summary>How many items of each type a unit's page shows (the latest); the library lists them all.</summary>
    public const int LatestPerType = 6;

    /// <summary>The most units a search by name lists.</summary>
    public const int MaxMatches = 50;

    private const int MaxQueryLength = 100;

    /// <summary>The types of a unit's work, in the page's order, with their headings (keys of <c>LibraryResources</c>).</summary>
    public static readonly IReadOnlyList<(string ContentType, string Title)> WorkTypes =
    [
        ("Initiative", "Initiatives"),
        ("ExemplaryProduct", "Exemplary products"),
        ("ModelSite", "Model sites"),
        ("Event", "Events"),
        ("Article", "News"),
    ];

    [HttpGet(UnitAddresses.ListPath)]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Organizations);
        var all = await organizations.ListAsync(ct);
        var query = q?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, MaxQueryLength)] : null;
        IReadOnlyList<UnitMatch> matches = query is null
            ? []
            : UnitTree.Search(all, query, MaxMatches).Select(o => new UnitMatch(o, KindName(o.Kind), UnitTree.Above(o, all))).ToList();
        // The tree orders the units below each one by name; the top ones (Departments) are put in that order too.
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        var roots = OrganizationTree.Build(all, o => o.Active).OrderBy(n => n.Organization.Kind).ThenBy(n => n.Organization.Name, comparer).ToList();
        return View(new UnitsPageView(roots, query, matches));
    }

    [HttpGet(UnitAddresses.ListPath + "/{id}")]
    public async Task<IActionResult> Unit(string id, CancellationToken ct)
    {
        var all = await organizations.ListAsync(ct);
        var unit = all.FirstOrDefault(o => o.Id == id);
        if (unit is not { Active: true })
        {
            return NotFound();
        }

        PageCache.Tag(HttpContext, [CacheTags.Organizations, CacheTags.Listings, .. WorkTypes.Select(w => CacheTags.Type(w.ContentType))]);
        var below = UnitTree.Find(OrganizationTree.Build(all, o => o.Active), unit.Id)?.Children ?? [];
        var belowIds = (await organizations.GetSubtreeIdsAsync(unit.Id, ct)).Where(o => o != unit.Id).ToHashSet(StringComparer.Ordinal);

        var ownWork = await WorkAsync([unit.Id], type => LibraryUrl(type, "org", [unit.Id]), ct);
        IReadOnlyList<UnitWorkGroup> belowWork = belowIds.Count == 0 ? [] : await WorkAsync(belowIds, type => BelowLibraryUrl(type, unit, all), ct);
        PageCache.Tag(HttpContext, ownWork.Concat(belowWork).SelectMany(g => g.Cards).Select(c => CacheTags.Item(c.ContentItemId)));

        var context = new UnitPageContext(unit, belowIds);
        var extra = new List<UnitPageSection>();
        foreach (var source in sections.OrderBy(s => s.Order))
        {
            if (await source.BuildAsync(context, ct) is { } section)
            {
                PageCache.Tag(HttpContext, section.CacheTags);
                extra.Add(section);
            }
        }

        var kind = KindName(unit.Kind);
        var above = UnitTree.Above(unit, all);
        string description = T["{0} ({1}): initiatives, exemplary products, model sites, events and news it has published.", unit.Name, kind];
        StructuredData.JsonLd.Add(ViewData, StructuredData.StructuredDataNodes.UnitPage(unit, above, below, description, addresses.Absolute));
        return View(new UnitPageView(unit, kind, above, below, ownWork, belowWork, extra, description)
        {
            OwnLibraryUrl = LibraryUrl(null, "org", [unit.Id]),
            BelowLibraryUrl = belowIds.Count == 0 ? null : BelowLibraryUrl(null, unit, all),
            BelowLibraryText = unit.Kind == OrganizationKind.DistrictOffice
                ? T["All items of {0} and the units below it in the library", unit.Name] // the library's district filter holds the office's own
                : T["All items of the units below {0} in the library", unit.Name],
        });
    }

    /// <summary>
    /// The latest published items of each work type of the given units (one query per type: the page's query count does
    /// not grow with the items or the units), with the library's address for all of them when there are more.
    /// </summary>
    private async Task<IReadOnlyList<UnitWorkGroup>> WorkAsync(IReadOnlyCollection<string> organizationIds, Func<string, string?> moreUrl, CancellationToken ct)
    {
        var groups = new List<UnitWorkGroup>();
        foreach (var (type, title) in WorkTypes)
        {
            var page = await queries.QueryAsync(new ContentQuery
            {
                ContentTypes = [type],
                OrganizationIds = organizationIds,
                PageSize = LatestPerType + 1,
                CountTotal = false,
            }, ct);
            if (page.Items.Count == 0)
            {
                continue;
            }

            var cards = await display.BuildCardsAsync(page.Items.Take(LatestPerType), ct);
            groups.Add(new UnitWorkGroup(type, T[title], cards, page.Items.Count > LatestPerType ? moreUrl(type) : null));
        }

        return groups;
    }

    /// <summary>
    /// The library filtered to the work of the units below: an office's by its district (the library's district filter
    /// holds the office's own items too), a Department's by its district offices, a cluster's by its schools.
    /// </summary>
    private static string? BelowLibraryUrl(string? type, Organization unit, IReadOnlyList<Organization> all)
        => unit.Kind switch
        {
            OrganizationKind.DistrictOffice => LibraryUrl(type, "district", [unit.Id]),
            OrganizationKind.Department => LibraryUrl(type, "district",
                all.Where(o => o.ParentId == unit.Id && o.Kind == OrganizationKind.DistrictOffice).Select(o => o.Id).ToList()),
            _ => LibraryUrl(type, "org", all.Where(o => o.ClusterId == unit.Id || o.ParentId == unit.Id).Select(o => o.Id).ToList()),
        };

    /// <summary>
    /// The library filtered to the units (and to a type, unless null); null when there are more units than the library
    /// takes values of one filter (<see cref="MaxLibraryFilterValues"/>): a link that silently dropped some would mislead.
    /// </summary>
    private static string? LibraryUrl(string? type, string parameter, IReadOnlyList<string> ids)
        => ids.Count is 0 or > MaxLibraryFilterValues
            ? null
            : "/kho-hoc-lieu?" + string.Join('&', (type is null ? [] : new[] { "type=" + Uri.EscapeDataString(type) })
                .Concat(ids.Order(StringComparer.Ordinal).Select(id => parameter + "=" + Uri.EscapeDataString(id))));

    /// <summary>The most values of one filter the library reads (<c>Search.SearchPageBuilder</c>).</summary>
    private const int MaxLibraryFilterValues = 20;

    /// <summary>The kind of a unit as the public reads it (Sở, Phòng, Cụm chuyên môn, Trường).</summary>
    private string KindName(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Department => T["Department of Education and Training"],
        OrganizationKind.DistrictOffice => T["District Office of Education and Training"],
        OrganizationKind.Cluster => T["Professional cluster"],
        _ => T["School"],
    };
}
