using ChuyenDe.Modules.Editorial;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// The review queue's part for report rounds: the units' reports submitted and waiting for the round owner's decision,
/// for a user holding ReviewReports and ManageReportRounds, in rounds owned within their scope (the round pages' scope;
/// administrators: all), oldest submission first, each linking to its review page.
/// </summary>
internal sealed class SubmittedReportsQueueSource(
    DbContext db,
    IOrganizationService organizations,
    ISiteSettingsService siteSettings,
    IStringLocalizer<ReportsResources> T) : IReviewQueueSource
{
    public async Task<IReadOnlyList<ReviewQueueExtra>> WaitingAsync(UserScope scope, CancellationToken ct)
    {
        if (!scope.Has(ReportPermissions.ReviewReports) || !(scope.IsAdministrator || scope.Has(ReportPermissions.ManageReportRounds)))
        {
            return [];
        }

        var owners = scope.OrganizationIds.ToList();
        var rows = await (from unit in db.Set<ReportRoundUnit>()
                          join round in db.Set<ReportRound>() on unit.RoundId equals round.Id
                          where unit.ReportState == UnitReportState.Submitted && (scope.IsAdministrator || owners.Contains(round.OwnerOrganizationId))
                          select new { round.Id, round.Title, round.DeadlineUtc, unit.OrganizationId, unit.SubmittedUtc, unit.StateChangedUtc })
            .AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var names = (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var site = await siteSettings.GetAsync(ct);
        var group = T["Units' reports waiting for your decision"].Value;
        return rows.Select(r =>
        {
            var since = r.SubmittedUtc ?? r.StateChangedUtc ?? DateTime.MinValue;
            var late = r.SubmittedUtc is { } sent && r.DeadlineUtc is { } deadline && sent > deadline;
            return new ReviewQueueExtra(group,
                T["Report of {0}", names.GetValueOrDefault(r.OrganizationId) ?? r.OrganizationId] + " — " + r.Title,
                T["submitted {0}", site.ToLocal(since).ToString("HH:mm dd/MM/yyyy")] + (late ? " (" + T["late"] + ")" : ""),
                UnitReportReviewController.PageUrl(r.Id, r.OrganizationId), since);
        }).OrderBy(e => e.SinceUtc).ToList();
    }
}
