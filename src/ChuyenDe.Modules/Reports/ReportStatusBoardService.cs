using ChuyenDe.Modules.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// What the status board filters by: a report state, or one of the two deadline marks — <see cref="Late"/> (submitted
/// after the deadline) and <see cref="Overdue"/> (not submitted, the deadline passed).
/// </summary>
public enum BoardFilter
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Accepted,
    Late,
    Overdue,
}

/// <summary>One unit asked by a round, as the status board shows it.</summary>
public sealed record BoardRow(
    string OrganizationId,
    string UnitName,
    UnitReportState State,
    bool Late,
    bool Overdue,
    DateTime? SubmittedUtc,
    string? SubmittedBy,
    DateTime? LastChangedUtc,
    string? LastChangedBy)
{
    public bool Matches(BoardFilter filter) => filter switch
    {
        BoardFilter.Late => Late,
        BoardFilter.Overdue => Overdue,
        _ => (int)State == (int)filter,
    };
}

/// <summary>The board of a round: every unit asked (the filter applied) and the counts per state of all of them.</summary>
public sealed record StatusBoard(IReadOnlyList<BoardRow> Rows, IReadOnlyDictionary<BoardFilter, int> Counts, int Total);

/// <summary>
/// The progress of a district's linked round for its schools (<see cref="ReportRound.ParentRoundId"/>), shown on the row of
/// that district on the board of the round that asked it: units asked, reports submitted or accepted, overdue ones.
/// </summary>
public sealed record LinkedRoundProgress(int RoundId, string Title, ReportRoundState State, int Units, int Submitted, int Overdue);

/// <summary>
/// The status board of a round (<c>/admin/bao-cao/{id}/tinh-hinh</c>): reads the round's <see cref="ReportRoundUnit"/>
/// rows and, for who submitted and who last changed a report, its <see cref="UnitReportVersion"/> rows. The round comes
/// from <see cref="ReportRoundService.FindAsync"/>, so scope is the round pages' scope.
/// </summary>
public sealed class ReportStatusBoardService(DbContext db, IOrganizationService organizations, TimeProvider clock)
{
    /// <summary>Not submitted (not started or a draft never submitted), the deadline has passed, and the round is open or closed (a draft round asks nobody yet).</summary>
    public static bool IsOverdue(ReportRound round, ReportRoundUnit unit, DateTime nowUtc)
        => round.State != ReportRoundState.Draft && unit.SubmittedUtc is null && unit.ReportState is UnitReportState.NotStarted or UnitReportState.Draft
           && round.DeadlineUtc is { } deadline && nowUtc > deadline;

    public async Task<StatusBoard> BoardAsync(ReportRound round, BoardFilter? filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var units = await db.Set<ReportRoundUnit>().AsNoTracking().Where(u => u.RoundId == round.Id).ToListAsync(ct);
        var reportIds = units.Where(u => u.ReportContentItemId != null).Select(u => u.ReportContentItemId!).ToList();
        var versions = reportIds.Count == 0
            ? []
            : await db.Set<UnitReportVersion>().AsNoTracking().Where(v => reportIds.Contains(v.ReportId))
                .Select(v => new { v.ReportId, v.Number, v.Kind, v.SavedUtc, v.UserName }).ToListAsync(ct);
        var reports = reportIds.Count == 0
            ? []
            : await db.Set<UnitReport>().AsNoTracking().Where(r => reportIds.Contains(r.Id))
                .Select(r => new { r.Id, r.ModifiedUtc }).ToListAsync(ct);
        var byReport = versions.GroupBy(v => v.ReportId).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Number).ToList(), StringComparer.Ordinal);
        var modified = reports.ToDictionary(r => r.Id, r => r.ModifiedUtc, StringComparer.Ordinal);

        var all = await organizations.ListAsync(ct);
        var order = all.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var names = all.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);

        var rows = new List<BoardRow>();
        foreach (var unit in units.OrderBy(u => order.GetValueOrDefault(u.OrganizationId, int.MaxValue)).ThenBy(u => u.OrganizationId, StringComparer.Ordinal))
        {
            var history = unit.ReportContentItemId is { } id && byReport.TryGetValue(id, out var list) ? list : [];
            var submittedBy = history.FirstOrDefault(v => v.Kind == UnitReportVersionKind.Submitted)?.UserName;
            var latest = history.FirstOrDefault();
            DateTime? changed = unit.StateChangedUtc;
            if (unit.ReportContentItemId is { } rid && modified.TryGetValue(rid, out var m) && (changed is null || m > changed))
            {
                changed = m;
            }

            rows.Add(new BoardRow(unit.OrganizationId, names.GetValueOrDefault(unit.OrganizationId) ?? unit.OrganizationId, unit.ReportState,
                UnitReports.IsLate(round, unit), IsOverdue(round, unit, now), unit.SubmittedUtc, submittedBy, changed,
                latest?.UserName));
        }

        var counts = Enum.GetValues<BoardFilter>().ToDictionary(f => f, f => rows.Count(r => r.Matches(f)));
        return new StatusBoard(filter is { } f2 ? rows.Where(r => r.Matches(f2)).ToList() : rows, counts, rows.Count);
    }

    /// <summary>
    /// The linked rounds opened by the units of this round for their schools (one per district: the first opened), by the
    /// district's id, with their progress.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, LinkedRoundProgress>> LinkedAsync(ReportRound round, CancellationToken ct)
    {
        var parentId = round.Id;
        var linked = await db.Set<ReportRound>().AsNoTracking().Where(r => r.ParentRoundId == parentId).OrderBy(r => r.Id).ToListAsync(ct);
        if (linked.Count == 0)
        {
            return new Dictionary<string, LinkedRoundProgress>(StringComparer.Ordinal);
        }

        var ids = linked.Select(r => r.Id).ToList();
        var units = await db.Set<ReportRoundUnit>().AsNoTracking().Where(u => ids.Contains(u.RoundId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new Dictionary<string, LinkedRoundProgress>(StringComparer.Ordinal);
        foreach (var linkedRound in linked)
        {
            if (result.ContainsKey(linkedRound.OwnerOrganizationId))
            {
                continue;
            }

            var asked = units.Where(u => u.RoundId == linkedRound.Id).ToList();
            result[linkedRound.OwnerOrganizationId] = new LinkedRoundProgress(
                linkedRound.Id,
                linkedRound.Title,
                linkedRound.State,
                asked.Count,
                asked.Count(u => u.ReportState is UnitReportState.Submitted or UnitReportState.Accepted),
                asked.Count(u => IsOverdue(linkedRound, u, now)));
        }

        return result;
    }
}
