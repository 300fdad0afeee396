using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

/// <summary>A curation as the admin pages show it (a copy of the row's values: views do not use the table's type).</summary>
public sealed record CurationRow(
    long Id,
    string ContentItemId,
    string Kind,
    string? Citation,
    int? FeaturedOrder,
    string CuratedByUserName,
    string? WithdrawnByUserName,
    string? WithdrawReason,
    string ConcurrencyStamp,
    string Title,
    string TypeName,
    string? OrganizationName,
    string? LevelName,
    string? ThemeName,
    string? SchoolYearName,
    DateTime CuratedLocal,
    DateTime? WithdrawnLocal)
{
    public bool Active => WithdrawnLocal is null;
}

public sealed record CurationIndexView(
    IReadOnlyList<CurationRow> Rows,
    IReadOnlyList<CurationRow> FeaturedExemplary,
    IReadOnlyList<CurationRow> FeaturedModelSites,
    IReadOnlyList<TaxonomyTerm> Levels,
    IReadOnlyList<TaxonomyTerm> SchoolYears,
    string? Kind,
    string? Level,
    string? SchoolYear,
    string? Status,
    string? Query,
    IReadOnlyList<ContentItem>? Found,
    IReadOnlyDictionary<string, string> TypeNames);

public sealed record CurationItemView(
    CurationCandidate Candidate,
    string TypeName,
    string? OrganizationName,
    string? PublicUrl,
    IReadOnlyList<CurationRow> History,
    IReadOnlyList<TaxonomyTerm> Levels,
    IReadOnlyList<TaxonomyTerm> Themes,
    IReadOnlyList<TaxonomyTerm> SchoolYears,
    CurationForm Form);

/// <summary>
/// <c>/admin/tuyen-chon</c>: curations of published items — mark exemplary products, designate model sites, withdraw
/// either with a reason, order the items featured on the home page. Needs CurateContent; an item outside the curator's
/// organisation scope is answered with 404, so that its existence does not leak.
/// </summary>
[RequirePermission(CurationPermissions.CurateContent)]
public sealed class CurationController(
    ICurationService curations,
    IContentQueryService queries,
    IContentManager contents,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IStringLocalizer<CurationResources> T) : AdminController
{
    public const string Base = "/admin/tuyen-chon";

    public static string ItemUrl(string contentItemId) => $"{Base}/noi-dung/{Uri.EscapeDataString(contentItemId)}";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "loai")] string? kind,
        [FromQuery(Name = "cap")] string? level,
        [FromQuery(Name = "nam-hoc")] string? schoolYear,
        [FromQuery(Name = "trang-thai")] string? status,
        string? q,
        CancellationToken ct)
    {
        var actor = Scope;

        return View(await IndexViewAsync(actor, kind, level, schoolYear, status, q, ct));
    }

    [HttpPost(Base + "/thu-tu")]
    public async Task<IActionResult> Reorder(CancellationToken ct)
    {
        var actor = Scope;

        var orders = new Dictionary<long, int?>();
        var form = await Request.ReadFormAsync(ct);
        foreach (var (key, value) in form)
        {
            if (!key.StartsWith("order-", StringComparison.Ordinal)
                || !long.TryParse(key["order-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            var text = value.ToString().Trim();
            if (text.Length == 0)
            {
                orders[id] = null;
            }
            else if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
            {
                orders[id] = order;
            }
            else
            {
                orders[id] = -1; // refused below with a message
            }

            if (orders.Count > 500)
            {
                break;
            }
        }

        var change = await curations.ReorderAsync(actor, orders, ct);
        if (change.Conflict)
        {
            Flash(T["Someone else changed these curations in the meantime. The page now shows the current order; please check it and try again."]);
            return Redirect(Base + "#noi-bat");
        }

        if (!change.Succeeded)
        {
            AddErrors(change.Errors);
            return View("Index", await IndexViewAsync(actor, null, null, null, null, null, ct));
        }

        Flash(T["The order of the featured items has been saved."]);
        return Redirect(Base + "#noi-bat");
    }

    [HttpPost(Base + "/{id:long}/len")]
    public Task<IActionResult> MoveUp(long id, CancellationToken ct) => MoveAsync(id, -1, ct);

    [HttpPost(Base + "/{id:long}/xuong")]
    public Task<IActionResult> MoveDown(long id, CancellationToken ct) => MoveAsync(id, +1, ct);

    [HttpGet(Base + "/noi-dung/{contentItemId}")]
    public async Task<IActionResult> Item(string contentItemId, CancellationToken ct)
    {
        var actor = Scope;

        if (await curations.FindCandidateAsync(actor, contentItemId, ct) is not { } candidate)
        {
            return NotFound();
        }

        var form = new CurationForm
        {
            ModelSiteTheme = FirstTerm(candidate.Published, "ModelSite", "Theme"),
            ModelSiteLevel = FirstTerm(candidate.Published, candidate.Latest.ContentType, "Level"),
            ModelSiteYear = FirstTerm(candidate.Published, candidate.Latest.ContentType, "SchoolYear"),
            ExemplaryLevel = FirstTerm(candidate.Published, candidate.Latest.ContentType, "Level"),
        };
        return View(await ItemViewAsync(candidate, form, ct));
    }

    [HttpPost(Base + "/noi-dung/{contentItemId}/dien-hinh")]
    public Task<IActionResult> MarkExemplary(string contentItemId, CurationForm form, CancellationToken ct)
        => CurateAsync(contentItemId, form, CurationKinds.Exemplary, ct);

    [HttpPost(Base + "/noi-dung/{contentItemId}/mo-hinh-diem")]
    public Task<IActionResult> DesignateModelSite(string contentItemId, CurationForm form, CancellationToken ct)
        => CurateAsync(contentItemId, form, CurationKinds.ModelSite, ct);

    [HttpPost(Base + "/{id:long}/thu-hoi")]
    public async Task<IActionResult> Withdraw(long id, string? reason, string? concurrencyStamp, CancellationToken ct)
    {
        var actor = Scope;

        if (await curations.FindAsync(actor, id, ct) is not { } record
            || await curations.FindCandidateAsync(actor, record.ContentItemId, ct) is not { } candidate)
        {
            return NotFound();
        }

        var change = await curations.WithdrawAsync(actor, record, concurrencyStamp, reason, ct);
        if (change.Conflict)
        {
            // Someone withdrew or changed it since the page was shown: 409 with the current state, nothing overwritten.
            ModelState.AddModelError("", T["Someone else changed this curation in the meantime. The page now shows its current state; please check it and try again."]);
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict;
            var current = await curations.FindCandidateAsync(actor, record.ContentItemId, ct) ?? candidate;
            return View("Item", await ItemViewAsync(current, new CurationForm(), ct));
        }

        if (!change.Succeeded)
        {
            foreach (var error in change.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{error.Field}{id}", T[error.Message, error.Args]);
            }

            return View("Item", await ItemViewAsync(candidate, new CurationForm(), ct));
        }

        Flash(record.Kind == CurationKinds.Exemplary
            ? T["“{0}” is no longer an exemplary product.", candidate.Latest.DisplayText]
            : T["“{0}” is no longer a designated model site.", candidate.Latest.DisplayText]);
        return Redirect(ItemUrl(record.ContentItemId));
    }

    private async Task<IActionResult> CurateAsync(string contentItemId, CurationForm form, string kind, CancellationToken ct)
    {
        var actor = Scope;

        if (await curations.FindCandidateAsync(actor, contentItemId, ct) is not { } candidate)
        {
            return NotFound();
        }

        var change = kind == CurationKinds.Exemplary
            ? await curations.MarkExemplaryAsync(actor, candidate, form, ct)
            : await curations.DesignateModelSiteAsync(actor, candidate, form, ct);
        if (!change.Succeeded)
        {
            AddErrors(change.Errors);
            if (change.Conflict)
            {
                ModelState.AddModelError("", T["Someone else changed this curation in the meantime. The page now shows its current state; please check it and try again."]);
            }

            var fresh = await curations.FindCandidateAsync(actor, contentItemId, ct) ?? candidate;
            return View("Item", await ItemViewAsync(fresh, form, ct));
        }

        Flash(kind == CurationKinds.Exemplary
            ? T["“{0}” has been marked as an exemplary product.", candidate.Latest.DisplayText]
            : T["“{0}” has been designated a model site.", candidate.Latest.DisplayText]);
        return Redirect(ItemUrl(contentItemId));
    }

    private async Task<IActionResult> MoveAsync(long id, int direction, CancellationToken ct)
    {
        var actor = Scope;

        if (await curations.FindAsync(actor, id, ct) is not { } record)
        {
            return NotFound();
        }

        var change = await curations.MoveAsync(actor, record, direction, ct);
        if (!change.Succeeded)
        {
            Flash(change.Conflict
                ? T["Someone else changed these curations in the meantime. The page now shows the current order; please check it and try again."]
                : string.Join(" ", change.Errors.Select(e => T[e.Message, e.Args].Value)));
        }
        else
        {
            Flash(T["The order of the featured items has been saved."]);
        }

        return Redirect(Base + "#noi-bat");
    }

    private void AddErrors(IEnumerable<FormError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, T[error.Message, error.Args]);
        }
    }

    private static string? FirstTerm(ContentItem? item, string part, string field)
        => item?.Field(part, field)?["TermContentItemIds"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } ids
           && ids[0] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    private async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(string taxonomyId, CancellationToken ct)
        => (await taxonomies.GetTaxonomyAsync(taxonomyId, ct))?.Terms ?? [];

    private async Task<IReadOnlyDictionary<string, string>> TypeNamesAsync(CancellationToken ct)
        => (await definitions.ListTypeDefinitionsAsync(ct)).ToDictionary(t => t.Name, t => t.DisplayName);

    private async Task<List<CurationRow>> RowsAsync(IEnumerable<CurationRecord> records, IReadOnlyDictionary<string, string> typeNames, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var rows = new List<CurationRow>();
        async Task<string?> Name(string? termId)
            => string.IsNullOrEmpty(termId) ? null : (await taxonomies.FindTermAsync(termId, ct))?.Title ?? termId;

        // Titles in one query (curated items are published); the few no longer published are looked up one by one.
        var list = records.ToList();
        var titles = (await queries.GetPublishedAsync(list.Select(r => r.ContentItemId).Distinct(), ct))
            .ToDictionary(i => i.ContentItemId, i => i.DisplayText);
        foreach (var record in list)
        {
            var title = titles.GetValueOrDefault(record.ContentItemId)
                ?? (await contents.GetAsync(record.ContentItemId, VersionOptions.Latest, ct))?.DisplayText;
            var organization = record.OrganizationId is { } o ? await organizations.GetAsync(o, ct) : null;
            rows.Add(new CurationRow(record.Id, record.ContentItemId, record.Kind, record.Citation, record.FeaturedOrder,
                record.CuratedByUserName, record.WithdrawnByUserName, record.WithdrawReason, record.ConcurrencyStamp,
                title ?? record.ContentItemId,
                typeNames.GetValueOrDefault(record.ContentType) ?? record.ContentType, organization?.Name,
                await Name(record.LevelTermId), await Name(record.ThemeTermId), await Name(record.SchoolYearTermId),
                site.ToLocal(record.CuratedUtc), record.WithdrawnUtc is { } w ? site.ToLocal(w) : null));
        }

        return rows;
    }

    private async Task<CurationIndexView> IndexViewAsync(UserScope actor, string? kind, string? level, string? schoolYear, string? status, string? q, CancellationToken ct)
    {
        kind = CurationKinds.IsKnown(kind) ? kind : null;
        var levels = await TermsAsync(CurationTaxonomies.Levels, ct);
        var years = await TermsAsync(CurationTaxonomies.SchoolYears, ct);
        level = levels.Any(t => t.ContentItemId == level) ? level : null;
        schoolYear = years.Any(t => t.ContentItemId == schoolYear) ? schoolYear : null;
        status = status is "active" or "withdrawn" ? status : null;
        var typeNames = await TypeNamesAsync(ct);
        var records = await curations.ListAsync(actor, new CurationFilter(kind, level, schoolYear,
            status switch { "active" => true, "withdrawn" => false, _ => null }), ct);
        var active = await curations.ListAsync(actor, new CurationFilter(null, null, null, true), ct);
        var featuredExemplary = active.Where(r => r.Kind == CurationKinds.Exemplary)
            .OrderBy(r => r.FeaturedOrder ?? int.MaxValue).ThenByDescending(r => r.CuratedUtc).ToList();
        var featuredModelSites = active.Where(r => r.Kind == CurationKinds.ModelSite)
            .OrderBy(r => r.FeaturedOrder ?? int.MaxValue).ThenByDescending(r => r.CuratedUtc).ToList();

        IReadOnlyList<ContentItem>? found = null;
        q = q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            q = q.Length > 200 ? q[..200] : q;
            found = (await queries.QueryAsync(new ContentQuery
            {
                ContentTypes = ["Initiative", "ModelSite"],
                TitleContains = q,
                OrganizationIds = actor.IsAdministrator ? null : actor.OrganizationIds.ToList(),
                IncludeWithoutOrganization = actor.SeesUnassigned,
                PageSize = 20,
            }, ct)).Items;
        }

        return new CurationIndexView(
            await RowsAsync(records, typeNames, ct),
            await RowsAsync(featuredExemplary, typeNames, ct),
            await RowsAsync(featuredModelSites, typeNames, ct),
            levels, years, kind, level, schoolYear, status, q, found, typeNames);
    }

    private async Task<CurationItemView> ItemViewAsync(CurationCandidate candidate, CurationForm form, CancellationToken ct)
    {
        var typeNames = await TypeNamesAsync(ct);
        var organization = candidate.Latest.OrganizationId is { } o ? await organizations.GetAsync(o, ct) : null;
        var path = candidate.Published is { } published ? ContentParts.Path(published) : null;
        return new CurationItemView(candidate,
            typeNames.GetValueOrDefault(candidate.Latest.ContentType) ?? candidate.Latest.ContentType,
            organization?.Name,
            string.IsNullOrEmpty(path) ? null : "/" + path,
            await RowsAsync(candidate.History, typeNames, ct),
            await TermsAsync(CurationTaxonomies.Levels, ct),
            await TermsAsync(CurationTaxonomies.Themes, ct),
            await TermsAsync(CurationTaxonomies.SchoolYears, ct),
            form);
    }
}
