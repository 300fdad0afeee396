using System.Globalization;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library.Documents;

/// <summary>
/// <c>/van-ban</c>: the published official documents (văn bản chỉ đạo), newest issued first, filterable by issuer
/// (<c>issuer</c>, an organisation id), kind (<c>kind</c>, a term of <see cref="OfficialDocument.KindsTaxonomy"/>) and
/// year of issue (<c>year</c>). A value that matches no option is ignored (the list without that filter). The items
/// themselves are at <c>/van-ban/{slug}</c> (the item route); the feed is the list's (<c>/van-ban/feed</c>).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DocumentsController(
    OfficialDocumentList documents,
    IContentDisplayBuilder display,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    IStringLocalizer<LibraryResources> T) : Controller
{
    public const string ListPath = "/van-ban";
    private const int PageSize = 12;

    [HttpGet(ListPath)]
    public async Task<IActionResult> Index(string? issuer = null, string? kind = null, string? year = null, int page = 1, CancellationToken ct = default)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(OfficialDocument.ContentType), CacheTags.Organizations, CacheTags.Terms);
        var all = await documents.ListAsync(ct);
        var cards = (await display.BuildCardsAsync(all.Select(d => d.Item), ct)).ToDictionary(c => c.ContentItemId, StringComparer.Ordinal);
        var kinds = (await taxonomies.GetTaxonomyAsync(OfficialDocument.KindsTaxonomy, ct))?.Terms ?? [];

        // The options: issuers and years that published documents have, every kind of the taxonomy.
        var issuers = all.Where(d => d.IssuerId is not null).GroupBy(d => d.IssuerId!, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Name: cards.GetValueOrDefault(g.First().Item.ContentItemId)?.OrganizationName ?? g.Key))
            .OrderBy(i => i.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        var years = all.Where(d => d.Year is not null).Select(d => d.Year!.Value).Distinct().OrderDescending().ToList();

        issuer = issuers.Any(i => i.Id == issuer) ? issuer : null;
        kind = kinds.Any(k => k.ContentItemId == kind) ? kind : null;
        int? chosenYear = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && years.Contains(y) ? y : null;

        bool Matches(OfficialDocument d, bool byIssuer = true, bool byKind = true, bool byYear = true)
            => (!byIssuer || issuer is null || d.IssuerId == issuer)
               && (!byKind || kind is null || d.KindTermId == kind)
               && (!byYear || chosenYear is null || d.Year == chosenYear);

        // Each option counts the documents it would list with the other filters kept.
        var filters = new List<FilterGroup>
        {
            new("issuer", T["Issuing body"], issuers.Select(i => new FilterOption(i.Id, i.Name,
                all.Count(d => d.IssuerId == i.Id && Matches(d, byIssuer: false)), i.Id == issuer)).ToList()),
            new("kind", T["Kind of document"], kinds.Select(k => new FilterOption(k.ContentItemId, k.Title,
                all.Count(d => d.KindTermId == k.ContentItemId && Matches(d, byKind: false)), k.ContentItemId == kind)).ToList()),
            new("year", T["Year of issue"], years.Select(v => new FilterOption(v.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture),
                all.Count(d => d.Year == v && Matches(d, byYear: false)), v == chosenYear)).ToList()),
        };

        var query = new List<string>();
        if (issuer is not null)
        {
            query.Add("issuer=" + Uri.EscapeDataString(issuer));
        }

        if (kind is not null)
        {
            query.Add("kind=" + Uri.EscapeDataString(kind));
        }

        if (chosenYear is { } chosen)
        {
            query.Add("year=" + chosen.ToString(CultureInfo.InvariantCulture));
        }

        var matching = all.Where(d => Matches(d)).ToList();
        var pageCount = PagedResult.PageCount(matching.Count, PageSize);
        if (page < 1 || (page > 1 && page > pageCount))
        {
            return NotFound();
        }

        var statuses = await StatusNamesAsync(ct);
        var entries = matching.Skip((page - 1) * PageSize).Take(PageSize)
            .Where(d => cards.ContainsKey(d.Item.ContentItemId))
            .Select(d => new OfficialDocumentEntry(cards[d.Item.ContentItemId], d.Number, d.IssuedOn,
                kinds.FirstOrDefault(k => k.ContentItemId == d.KindTermId)?.Title,
                d.Status is null ? null : statuses.GetValueOrDefault(d.Status, d.Status)))
            .ToList();
        return View(new DocumentsPageView(filters, entries, new PagerView(page, pageCount, matching.Count, p => PageUrl(query, p))));
    }

    /// <summary>The list's address with its filters (issuer, kind, year) and the page number after them (none for page 1).</summary>
    public static string PageUrl(IReadOnlyList<string> filters, int page)
    {
        var query = page > 1 ? [.. filters, "page=" + page.ToString(CultureInfo.InvariantCulture)] : filters;
        return query.Count == 0 ? ListPath : ListPath + "?" + string.Join('&', query);
    }

    /// <summary>The names of the status values, from the type's definition (its predefined list).</summary>
    private async Task<IReadOnlyDictionary<string, string>> StatusNamesAsync(CancellationToken ct)
    {
        var type = await definitions.GetTypeDefinitionAsync(OfficialDocument.ContentType, ct);
        var field = type?.AllFields().Select(f => f.Field).FirstOrDefault(f => f.Name == OfficialDocument.StatusField);
        return (field?.PredefinedOptions ?? []).Where(o => o.Value.Length > 0)
            .GroupBy(o => o.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }
}
