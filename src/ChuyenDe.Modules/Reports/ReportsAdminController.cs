using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// <c>/admin/bao-cao</c>: the report rounds of the user's units — list with filters, create from a template, settings
/// (title, school year, guidance, deadline in Vietnam time, units asked, nominations, plan documents), outline and
/// indicator editors, open and close. Needs ManageReportRounds; a round of a unit outside the user's scope answers 404.
/// </summary>
[RequirePermission(ReportPermissions.ManageReportRounds)]
public sealed class ReportsAdminController(
    ReportRoundService rounds,
    IOrganizationService organizations,
    ISiteSettingsService siteSettings,
    IStringLocalizer<ReportsResources> T) : RowEditorController
{
    protected override IStringLocalizer<ReportsResources> Strings => T;

    public const string Base = "/admin/bao-cao";
    private const int PageSize = 20;

    [HttpGet(Base)]
    public async Task<IActionResult> Index([FromQuery(Name = "trang-thai")] string? state, [FromQuery(Name = "nam-hoc")] string? schoolYear,
        [FromQuery(Name = "trang")] int page = 1, CancellationToken ct = default)
    {
        var actor = Scope;
        ReportRoundState? chosen = Enum.TryParse<ReportRoundState>(state, false, out var s) && Enum.IsDefined(s) ? s : null;
        var year = string.IsNullOrWhiteSpace(schoolYear) ? null : schoolYear.Trim();
        var list = await rounds.ListAsync(actor, chosen, year, page, PageSize, ct);
        var site = await siteSettings.GetAsync(ct);
        string Url(int p)
        {
            var query = new List<string>();
            if (chosen is not null)
            {
                query.Add("trang-thai=" + chosen);
            }

            if (year is not null)
            {
                query.Add("nam-hoc=" + Uri.EscapeDataString(year));
            }

            if (p > 1)
            {
                query.Add("trang=" + p.ToString(CultureInfo.InvariantCulture));
            }

            return Base + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        }

        return View(new ReportRoundsIndexView(list, chosen, year, await rounds.SchoolYearsAsync(actor, ct), Url, site.ToLocal,
            ReportRoundService.CanOwnRounds(actor)));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "mau")] int? templateId, CancellationToken ct)
    {
        var actor = Scope;
        var templates = await rounds.TemplatesAsync(actor, ct);
        var form = new ReportRoundForm
        {
            TemplateId = templateId is { } id && templates.Any(t => t.Id == id) ? id : templates.FirstOrDefault(t => t.BuiltIn)?.Id,
            UnitsRule = actor.OrganizationKind == nameof(OrganizationKind.DistrictOffice) ? nameof(UnitsAskedRule.Schools) : nameof(UnitsAskedRule.DistrictOffices),
            CollectiveNominations = 1,
            IndividualNominations = 1,
        };
        return View("Edit", await EditViewAsync(actor, null, form, ct));
    }

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(ReportRoundForm form, CancellationToken ct)
    {
        var actor = Scope;
        var (round, errors) = await rounds.CreateAsync(actor, form, ct);
        if (round is null)
        {
            AddErrors(errors);
            return View("Edit", await EditViewAsync(actor, null, form, ct));
        }

        Flash(T["The round “{0}” has been created from the template; check its outline and indicators, then open it.", round.Title]);
        return Redirect($"{Base}/{round.Id}/sua");
    }

    [HttpGet(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindAsync(actor, id, ct) is not { } round)
        {
            return NotFound();
        }

        var site = await siteSettings.GetAsync(ct);
        var form = new ReportRoundForm
        {
            TemplateId = round.TemplateId,
            Title = round.Title,
            SchoolYear = round.SchoolYear,
            Guidance = round.Guidance,
            Deadline = round.DeadlineUtc is { } d ? site.ToLocal(d).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
            UnitsRule = round.UnitsRule.ToString(),
            Units = round.Units.Select(u => u.OrganizationId).ToList(),
            CollectiveNominations = round.CollectiveNominations,
            IndividualNominations = round.IndividualNominations,
            Documents = round.Documents.OrderBy(d => d.Position).Select(d => d.Path).ToList(),
        };
        return View(await EditViewAsync(actor, round, form, ct));
    }

    [HttpPost(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, ReportRoundForm form, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindAsync(actor, id, ct) is not { } round)
        {
            return NotFound();
        }

        var errors = await rounds.UpdateAsync(actor, round, form, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View(await EditViewAsync(actor, round, form, ct));
        }

        Flash(T["The changes to “{0}” have been saved.", round.Title]);
        return Redirect($"{Base}/{round.Id}/sua");
    }

    [HttpGet(Base + "/{id:int}/de-cuong")]
    public async Task<IActionResult> Outline(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        return View("OutlineEditor", OutlineView(round, OutlineEditing.Flatten(ReportJson.ReadOutline(round.OutlineJson)), false));
    }

    [HttpPost(Base + "/{id:int}/de-cuong")]
    public async Task<IActionResult> Outline(int id, OutlineForm form, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindAsync(actor, id, ct) is not { } round)
        {
            return NotFound();
        }

        return await PostRowsAsync<OutlineRowForm, IReadOnlyList<OutlineSection>>(
            form.Sections, form.Op, OutlineEditing.Apply, OutlineEditing.Build, outline => rounds.SetOutlineAsync(actor, round, outline, ct),
            () => View("OutlineEditor", OutlineView(round, form.Sections, true)), T["The outline has been saved."], $"{Base}/{round.Id}/sua");
    }

    [HttpGet(Base + "/{id:int}/chi-tieu")]
    public async Task<IActionResult> Indicators(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        return View("IndicatorEditor", IndicatorView(round, IndicatorEditing.Rows(ReportJson.ReadIndicators(round.IndicatorsJson)), false));
    }

    [HttpPost(Base + "/{id:int}/chi-tieu")]
    public async Task<IActionResult> Indicators(int id, IndicatorsForm form, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindAsync(actor, id, ct) is not { } round)
        {
            return NotFound();
        }

        return await PostRowsAsync<IndicatorRowForm, IReadOnlyList<IndicatorDefinition>>(
            form.Indicators, form.Op, IndicatorEditing.Apply, IndicatorEditing.Build, indicators => rounds.SetIndicatorsAsync(actor, round, indicators, ct),
            () => View("IndicatorEditor", IndicatorView(round, form.Indicators, true)), T["The indicators have been saved."], $"{Base}/{round.Id}/sua");
    }

    /// <summary>The round as a recipe (its outline and indicators included), to carry it to another site.</summary>
    [HttpGet(Base + "/{id:int}/cong-thuc")]
    [RequirePermission(RecipePermissions.ExportRecipes)]
    public async Task<IActionResult> Export(int id, [FromQuery(Name = "baoCao")] int? withReports, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindAsync(actor, id, ct) is not { } round)
        {
            return NotFound();
        }

        // The units' answers are theirs: only on request (?baoCao=1), and only for those who may read them (ReviewReports).
        var reports = withReports == 1;
        if (reports && !actor.Has(ReportPermissions.ReviewReports))
        {
            return Forbid();
        }

        var parentKey = round.ParentRoundId is { } parentId && await rounds.FindAsync(actor, parentId, ct) is { } parent
            ? ReportsRecipeExport.RoundKey(parent)
            : null;
        var site = await siteSettings.GetAsync(ct);
        var key = ReportsRecipeExport.RoundKey(round);
        var json = ReportsRecipeExport.Round(round, parentKey, site.TimeZone);
        if (reports)
        {
            json["Reports"] = ReportsRecipeExport.Reports(await rounds.ReportsForExportAsync(round, ct), site.TimeZone);
        }

        return File(ReportsRecipeExport.Recipe("ChuyenDe.Reports." + key, round.Title, [], [json]),
            "application/json", key + (reports ? ".bao-cao" : "") + ".recipe.json");
    }

    [HttpPost(Base + "/{id:int}/mo")]
    public Task<IActionResult> Open(int id, CancellationToken ct) => ChangeStateAsync(id, open: true, ct);

    [HttpPost(Base + "/{id:int}/dong")]
    public Task<IActionResult> Close(int id, CancellationToken ct) => ChangeStateAsync(id, open: false, ct);

    private async Task<IActionResult> ChangeStateAsync(int id, bool open, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindAsync(actor, id, ct) is not { } round)
        {
            return NotFound();
        }

        var errors = open ? await rounds.OpenAsync(actor, round, ct) : await rounds.CloseAsync(actor, round, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            var view = await EditViewAsync(actor, round, FormOf(round, await siteSettings.GetAsync(ct)), ct);
            return View("Edit", view);
        }

        Flash(open ? T["The round “{0}” is open to the units asked.", round.Title] : T["The round “{0}” has been closed.", round.Title]);
        return Redirect($"{Base}/{round.Id}/sua");
    }

    private static ReportRoundForm FormOf(ReportRound round, SiteSettings site) => new()
    {
        TemplateId = round.TemplateId,
        Title = round.Title,
        SchoolYear = round.SchoolYear,
        Guidance = round.Guidance,
        Deadline = round.DeadlineUtc is { } d ? site.ToLocal(d).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : null,
        UnitsRule = round.UnitsRule.ToString(),
        Units = round.Units.Select(u => u.OrganizationId).ToList(),
        CollectiveNominations = round.CollectiveNominations,
        IndividualNominations = round.IndividualNominations,
        Documents = round.Documents.OrderBy(d => d.Position).Select(d => d.Path).ToList(),
    };

    private OutlineEditorView OutlineView(ReportRound round, List<OutlineRowForm> rows, bool unsaved)
        => new(T["Outline of “{0}”", round.Title], $"{Base}/{round.Id}/de-cuong", $"{Base}/{round.Id}/sua", round.Title, rows, unsaved);

    private IndicatorEditorView IndicatorView(ReportRound round, List<IndicatorRowForm> rows, bool unsaved)
        => new(T["Indicators of “{0}”", round.Title], $"{Base}/{round.Id}/chi-tieu", $"{Base}/{round.Id}/sua", round.Title, rows, unsaved);

    /// <summary>The files to choose from, and the round's documents even when the actor could no longer choose them.</summary>
    private async Task<IReadOnlyList<MediaChoice>> DocumentChoicesAsync(UserScope actor, ReportRound? round, string ownerId, CancellationToken ct)
    {
        var choices = (await rounds.DocumentChoicesAsync(actor, ownerId, ct)).ToList();
        foreach (var document in round?.Documents.OrderBy(d => d.Position) ?? Enumerable.Empty<ReportRoundDocument>())
        {
            if (choices.All(c => c.Path != document.Path))
            {
                choices.Insert(0, new MediaChoice(document.Path, document.Path.Split('/')[^1]));
            }
        }

        return choices;
    }

    private async Task<ReportRoundEditView> EditViewAsync(UserScope actor, ReportRound? round, ReportRoundForm form, CancellationToken ct)
    {
        var ownerId = round?.OwnerOrganizationId ?? actor.OrganizationId;
        var all = await organizations.ListAsync(ct);
        var byId = all.ToDictionary(o => o.Id, StringComparer.Ordinal);
        int Depth(Organization o)
        {
            var depth = 0;
            for (var p = o.ParentId; p is not null && p != ownerId && byId.TryGetValue(p, out var parent); p = parent.ParentId)
            {
                depth++;
            }

            return depth;
        }

        var units = UnitsAsked.Candidates(all, ownerId).Select(o => new UnitChoice(o, Depth(o))).ToList();
        // Units asked that are no longer candidates (deactivated, moved) still show, so they can be seen and removed.
        foreach (var asked in round?.Units.Where(u => units.All(c => c.Unit.Id != u.OrganizationId)) ?? [])
        {
            if (byId.TryGetValue(asked.OrganizationId, out var unit))
            {
                units.Add(new UnitChoice(unit, 0));
            }
        }

        var site = await siteSettings.GetAsync(ct);
        return new ReportRoundEditView(round, form, await rounds.TemplatesAsync(actor, ct), units,
            await DocumentChoicesAsync(actor, round, ownerId, ct),
            byId.TryGetValue(ownerId, out var owner) ? owner.Name : ownerId,
            round is null ? [] : ReportJson.ReadOutline(round.OutlineJson),
            round is null ? [] : ReportJson.ReadIndicators(round.IndicatorsJson),
            site.ToLocal,
            actor.Has(RecipePermissions.ExportRecipes),
            actor.Has(RecipePermissions.ExportRecipes) && actor.Has(ReportPermissions.ReviewReports));
    }
}
