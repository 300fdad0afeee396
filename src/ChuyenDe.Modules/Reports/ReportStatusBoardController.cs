using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>The page of the status board: the round, the filter chosen, the board and the site's clock.</summary>
/// <see cref="CanReview"/>: the user holds ReviewReports, so each started unit's name links to its review page.
/// <see cref="Linked"/>: the linked rounds the districts asked opened for their schools, by district id, with their progress.
/// <see cref="CanConsolidate"/>: the user holds ViewConsolidations, so the board links the consolidation page.
public sealed record StatusBoardView(ReportRound Round, BoardFilter? Filter, StatusBoard Board, Func<DateTime, DateTime> ToLocal, bool CanReview = false,
    IReadOnlyDictionary<string, LinkedRoundProgress>? Linked = null, bool CanConsolidate = false);

/// <summary>
/// <c>GET /admin/bao-cao/{id}/tinh-hinh</c>: the status board of a round for whoever manages it — every unit asked with
/// its report's state, late and overdue marks, when submitted / last changed (Vietnam time) and by whom, filtered by
/// <c>?trang-thai=</c>. Needs ManageReportRounds (403); a round out of scope answers 404, as the round's other pages.
/// </summary>
[RequirePermission(ReportPermissions.ManageReportRounds)]
public sealed class ReportStatusBoardController(
    ReportRoundService rounds,
    ReportStatusBoardService boards,
    ReportReminderService reminders,
    ISiteSettingsService siteSettings,
    IStringLocalizer<ReportsResources> T) : AdminController
{
    /// <summary>
    /// <c>POST /admin/bao-cao/{id}/tinh-hinh/nhac</c>: reminds the units that have not submitted (see
    /// <see cref="ReportReminderService"/>) and says how many units and users were told; back to the board.
    /// </summary>
    [HttpPost(ReportsAdminController.Base + "/{id:int}/tinh-hinh/nhac")]
    public async Task<IActionResult> Remind(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        var result = await reminders.RemindAsync(round, Scope.UserId, ct);
        Flash(result.Error ?? T["{0} units not yet submitted were reminded ({1} users notified).", result.Units, result.Users].Value);
        return Redirect($"{ReportsAdminController.Base}/{id}/tinh-hinh");
    }

    [HttpGet(ReportsAdminController.Base + "/{id:int}/tinh-hinh")]
    public async Task<IActionResult> Index(int id, [FromQuery(Name = "trang-thai")] string? state, CancellationToken ct)
    {
        if (await rounds.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        BoardFilter? filter = Enum.TryParse<BoardFilter>(state, false, out var f) && Enum.IsDefined(f) ? f : null;
        var site = await siteSettings.GetAsync(ct);
        return View(new StatusBoardView(round, filter, await boards.BoardAsync(round, filter, ct), site.ToLocal,
            Scope.Has(ReportPermissions.ReviewReports), await boards.LinkedAsync(round, ct), Scope.Has(ReportPermissions.ViewConsolidations)));
    }
}
