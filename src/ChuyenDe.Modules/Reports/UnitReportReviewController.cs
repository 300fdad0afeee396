using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>The review page: the unit's latest submission rendered read-only, the decisions so far and the two actions.</summary>
public sealed record UnitReportReviewView(
    UnitReportReviewContext Context,
    IReadOnlyDictionary<string, string> SectionsHtml,
    IReadOnlyDictionary<string, string> Figures,
    string? Reason,
    IReadOnlySet<string> ChosenSections,
    Func<DateTime, DateTime> ToLocal,
    ChangesSinceReturn? SinceReturn);

/// <summary>
/// <c>/admin/bao-cao/{id}/don-vi/{organizationId}</c>: the round owner's review of a unit's submitted report — the texts
/// rendered as safe HTML (the unit's preview converter) and the figures as the validator displays them; POST
/// <c>…/tra-lai</c> returns it with a required reason (the unit may edit and resubmit), POST <c>…/chap-nhan</c> accepts it
/// (locked). Needs ReviewReports (403); a round out of the round pages' scope, or a unit it does not ask, answers 404.
/// </summary>
[RequirePermission(ReportPermissions.ReviewReports)]
public sealed class UnitReportReviewController(
    UnitReportReviewService reviews,
    UnitReportHistoryService history,
    IndicatorEntryValidator validator,
    IContentHtmlRenderer renderer,
    ISiteSettingsService siteSettings,
    IStringLocalizer<ReportsResources> T) : AdminController
{
    public static string PageUrl(int roundId, string organizationId) => $"{ReportsAdminController.Base}/{roundId}/don-vi/{Uri.EscapeDataString(organizationId)}";

    [HttpGet(ReportsAdminController.Base + "/{id:int}/don-vi/{organizationId}")]
    public async Task<IActionResult> Index(int id, string organizationId, CancellationToken ct)
    {
        if (await reviews.FindAsync(Scope, id, organizationId, ct) is not { } context)
        {
            return NotFound();
        }

        return View(await ViewAsync(context, null, [], ct));
    }

    /// <summary>The unit's report's versions and decisions, and the comparison of two versions (<c>?tu=&amp;den=</c>).</summary>
    [HttpGet(ReportsAdminController.Base + "/{id:int}/don-vi/{organizationId}/lich-su")]
    public async Task<IActionResult> History(int id, string organizationId, [FromQuery(Name = "tu")] int? from, [FromQuery(Name = "den")] int? to,
        CancellationToken ct)
    {
        if (await reviews.FindAsync(Scope, id, organizationId, ct) is not { } context)
        {
            return NotFound();
        }

        var site = await siteSettings.GetAsync(ct);
        var page = await history.PageAsync(context.Round, context.Report, organizationId, true, PageUrl(id, organizationId) + "/lich-su",
            PageUrl(id, organizationId), T["Back to the review of the report"], from, to, site.ToLocal, T, ct);
        return View("ReportHistory", page);
    }

    [HttpPost(ReportsAdminController.Base + "/{id:int}/don-vi/{organizationId}/tra-lai")]
    public async Task<IActionResult> Return(int id, string organizationId, [FromForm(Name = "Reason")] string? reason,
        [FromForm(Name = "Sections")] string[]? sections, CancellationToken ct)
    {
        if (await reviews.FindAsync(Scope, id, organizationId, ct) is not { } context)
        {
            return NotFound();
        }

        var chosen = sections ?? [];
        var errors = await reviews.ReturnAsync(Scope, context, reason, chosen, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Index", await ViewAsync(context, reason, chosen, ct));
        }

        Flash(T["The report of {0} has been returned to the unit with your reason.", context.UnitName]);
        return Redirect(PageUrl(id, organizationId));
    }

    [HttpPost(ReportsAdminController.Base + "/{id:int}/don-vi/{organizationId}/chap-nhan")]
    public async Task<IActionResult> Accept(int id, string organizationId, CancellationToken ct)
    {
        if (await reviews.FindAsync(Scope, id, organizationId, ct) is not { } context)
        {
            return NotFound();
        }

        var errors = await reviews.AcceptAsync(Scope, context, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Index", await ViewAsync(context, null, [], ct));
        }

        Flash(T["The report of {0} has been accepted.", context.UnitName]);
        return Redirect(PageUrl(id, organizationId));
    }

    private async Task<UnitReportReviewView> ViewAsync(UnitReportReviewContext context, string? reason, IEnumerable<string> chosen, CancellationToken ct)
    {
        var site = await siteSettings.GetAsync(ct);
        var texts = UnitReports.ReadMap(context.Submitted?.SectionsJson);
        var values = UnitReports.ReadMap(context.Submitted?.ValuesJson);
        var html = texts.ToDictionary(p => p.Key, p => renderer.RenderMarkdown(p.Value), StringComparer.Ordinal);
        var figures = context.Indicators.Where(i => values.ContainsKey(i.Key))
            .ToDictionary(i => i.Key, i => validator.Display(i, values[i.Key]), StringComparer.Ordinal);
        var since = context.Report is { } report ? await history.SinceReturnAsync(context.Round, report.Id, ct) : null;
        return new UnitReportReviewView(context, html, figures, reason, chosen.ToHashSet(StringComparer.Ordinal), site.ToLocal, since);
    }

    private void AddErrors(IEnumerable<FormError> errors)
    {
        foreach (var error in errors)
        {
            var args = error.Args.Select(a => a is UnitReportState state ? ReportText.UnitState(T, state) : a).ToArray();
            ModelState.AddModelError(error.Field, T[error.Message, args].Value);
        }
    }
}
