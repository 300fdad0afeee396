using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Mvc;

namespace ChuyenDe.Modules.Reports;

public sealed record ReportNominationsView(ReportRound Round, IReadOnlyList<UnitNominations> Units);

/// <summary>
/// <c>GET /admin/bao-cao/{id}/de-nghi-khen-thuong</c>: every unit's commendation nominations (from its latest submitted
/// version, submitted or accepted reports only) with their achievement reports, and <c>….zip</c>, the same as a ZIP (a
/// folder per unit with its files, the CSV list at the root; <see cref="NominationsZipWriter"/>). Needs
/// ManageReportRounds or ViewConsolidations (403 with neither); a round out of the actor's scope answers 404.
/// </summary>
public sealed class ReportNominationsController(
    ReportNominationsService nominations,
    NominationsZipWriter zip,
    ISiteSettingsService siteSettings,
    TimeProvider clock) : AdminController
{
    public static string PageUrl(int roundId) => $"{ReportsAdminController.Base}/{roundId}/de-nghi-khen-thuong";

    [HttpGet(ReportsAdminController.Base + "/{id:int}/de-nghi-khen-thuong")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        if (!ReportNominationsService.MayRead(Scope))
        {
            return Forbid();
        }

        if (await nominations.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        return View(new ReportNominationsView(round, await nominations.ListAsync(round, ct)));
    }

    [HttpGet(ReportsAdminController.Base + "/{id:int}/de-nghi-khen-thuong.zip")]
    public async Task<IActionResult> Zip(int id, CancellationToken ct)
    {
        if (!ReportNominationsService.MayRead(Scope))
        {
            return Forbid();
        }

        if (await nominations.FindAsync(Scope, id, ct) is not { } round)
        {
            return NotFound();
        }

        var list = await nominations.ForZipAsync(await nominations.ListAsync(round, ct), ct);
        var buffer = new MemoryStream();
        await zip.WriteAsync(list, buffer, ct);
        buffer.Position = 0;
        var site = await siteSettings.GetAsync(ct);
        var date = site.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers.ContentDisposition = ReportConsolidationController.RoundFileDisposition("de-nghi-khen-thuong", "Đề nghị khen thưởng", round.Title, "", date, "zip");
        return File(buffer, NominationsZipWriter.ContentType);
    }
}
