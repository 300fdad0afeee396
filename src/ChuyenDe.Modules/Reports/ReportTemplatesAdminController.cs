using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// <c>/admin/bao-cao/mau</c>: report templates — list, create (empty or as a copy), name and description, outline and
/// indicator editors (the same pages as a round's). Needs ManageReportRounds; a template the user may not change
/// (another unit's, or a built-in one below the Department level) answers 404.
/// </summary>
[RequirePermission(ReportPermissions.ManageReportRounds)]
public sealed class ReportTemplatesAdminController(ReportRoundService rounds, IStringLocalizer<ReportsResources> T) : RowEditorController
{
    protected override IStringLocalizer<ReportsResources> Strings => T;

    public const string Base = ReportsAdminController.Base + "/mau";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var actor = Scope;
        var templates = await rounds.TemplatesAsync(actor, ct);
        return View(new ReportTemplatesIndexView(templates,
            templates.Where(t => ReportRoundService.CanChange(actor, t)).Select(t => t.Id).ToHashSet(),
            ReportRoundService.CanOwnRounds(actor)));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "sao-chep")] int? copyOf, CancellationToken ct)
        => View("Edit", await EditViewAsync(Scope, null, new ReportTemplateForm { CopyOf = copyOf }, ct));

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(ReportTemplateForm form, CancellationToken ct)
    {
        var actor = Scope;
        var (template, errors) = await rounds.CreateTemplateAsync(actor, form, ct);
        if (template is null)
        {
            AddErrors(errors);
            return View("Edit", await EditViewAsync(actor, null, form, ct));
        }

        Flash(T["The template “{0}” has been created.", template.Name]);
        return Redirect($"{Base}/{template.Id}/sua");
    }

    [HttpGet(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindTemplateAsync(actor, id, ct) is not { } template)
        {
            return NotFound();
        }

        return View(await EditViewAsync(actor, template, new ReportTemplateForm { Name = template.Name, Description = template.Description }, ct));
    }

    [HttpPost(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, ReportTemplateForm form, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindTemplateAsync(actor, id, ct) is not { } template)
        {
            return NotFound();
        }

        var errors = await rounds.UpdateTemplateAsync(actor, template, form, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View(await EditViewAsync(actor, template, form, ct));
        }

        Flash(T["The changes to “{0}” have been saved.", template.Name]);
        return Redirect($"{Base}/{template.Id}/sua");
    }

    /// <summary>The template as a recipe, to carry it to another site (any template the user may build rounds from).</summary>
    [HttpGet(Base + "/{id:int}/cong-thuc")]
    [RequirePermission(RecipePermissions.ExportRecipes)]
    public async Task<IActionResult> Export(int id, CancellationToken ct)
    {
        if (await rounds.FindTemplateToUseAsync(Scope, id, ct) is not { } template)
        {
            return NotFound();
        }

        var key = ReportsRecipeExport.TemplateKey(template);
        return File(ReportsRecipeExport.Recipe("ChuyenDe.Reports." + key, template.Name, [ReportsRecipeExport.Template(template)], []),
            "application/json", key + ".recipe.json");
    }

    [HttpGet(Base + "/{id:int}/de-cuong")]
    public async Task<IActionResult> Outline(int id, CancellationToken ct)
    {
        if (await rounds.FindTemplateAsync(Scope, id, ct) is not { } template)
        {
            return NotFound();
        }

        return View("OutlineEditor", OutlineView(template, OutlineEditing.Flatten(ReportJson.ReadOutline(template.OutlineJson)), false));
    }

    [HttpPost(Base + "/{id:int}/de-cuong")]
    public async Task<IActionResult> Outline(int id, OutlineForm form, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindTemplateAsync(actor, id, ct) is not { } template)
        {
            return NotFound();
        }

        return await PostRowsAsync<OutlineRowForm, IReadOnlyList<OutlineSection>>(
            form.Sections, form.Op, OutlineEditing.Apply, OutlineEditing.Build, async outline => { await rounds.SetOutlineAsync(actor, template, outline, ct); return []; },
            () => View("OutlineEditor", OutlineView(template, form.Sections, true)), T["The outline has been saved."], $"{Base}/{template.Id}/sua");
    }

    [HttpGet(Base + "/{id:int}/chi-tieu")]
    public async Task<IActionResult> Indicators(int id, CancellationToken ct)
    {
        if (await rounds.FindTemplateAsync(Scope, id, ct) is not { } template)
        {
            return NotFound();
        }

        return View("IndicatorEditor", IndicatorView(template, IndicatorEditing.Rows(ReportJson.ReadIndicators(template.IndicatorsJson)), false));
    }

    [HttpPost(Base + "/{id:int}/chi-tieu")]
    public async Task<IActionResult> Indicators(int id, IndicatorsForm form, CancellationToken ct)
    {
        var actor = Scope;
        if (await rounds.FindTemplateAsync(actor, id, ct) is not { } template)
        {
            return NotFound();
        }

        return await PostRowsAsync<IndicatorRowForm, IReadOnlyList<IndicatorDefinition>>(
            form.Indicators, form.Op, IndicatorEditing.Apply, IndicatorEditing.Build, async indicators => { await rounds.SetIndicatorsAsync(actor, template, indicators, ct); return []; },
            () => View("IndicatorEditor", IndicatorView(template, form.Indicators, true)), T["The indicators have been saved."], $"{Base}/{template.Id}/sua");
    }

    private OutlineEditorView OutlineView(ReportTemplate template, List<OutlineRowForm> rows, bool unsaved)
        => new(T["Outline of the template “{0}”", template.Name], $"{Base}/{template.Id}/de-cuong", $"{Base}/{template.Id}/sua", template.Name, rows, unsaved);

    private IndicatorEditorView IndicatorView(ReportTemplate template, List<IndicatorRowForm> rows, bool unsaved)
        => new(T["Indicators of the template “{0}”", template.Name], $"{Base}/{template.Id}/chi-tieu", $"{Base}/{template.Id}/sua", template.Name, rows, unsaved);

    private async Task<ReportTemplateEditView> EditViewAsync(UserScope actor, ReportTemplate? template, ReportTemplateForm form, CancellationToken ct)
        => new(template, form, await rounds.TemplatesAsync(actor, ct),
            template is null ? [] : ReportJson.ReadOutline(template.OutlineJson),
            template is null ? [] : ReportJson.ReadIndicators(template.IndicatorsJson),
            actor.Has(RecipePermissions.ExportRecipes));
}
