using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// A unit's report as the round's owner reviews it: the round (tracked, found in the round pages' scope), the unit's row,
/// its report (null before it is started), the latest submitted version (null before the first submission) and the
/// decisions taken so far, newest first.
/// </summary>
public sealed record UnitReportReviewContext(
    ReportRound Round,
    ReportRoundUnit Unit,
    string UnitName,
    UnitReport? Report,
    UnitReportVersion? Submitted,
    IReadOnlyList<UnitReportReview> Reviews)
{
    public IReadOnlyList<OutlineSection> Outline { get; } = ReportJson.ReadOutline(Round.OutlineJson);

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } = ReportJson.ReadIndicators(Round.IndicatorsJson);

    /// <summary>Only a submitted report can be returned or accepted.</summary>
    public bool Decidable => Report is not null && Submitted is not null && Unit.ReportState == UnitReportState.Submitted;
}

/// <summary>
/// The round owner's review of a unit's submitted report (<see cref="ReportPermissions.ReviewReports"/>): return it with
/// a reason (the unit may edit and submit again) or accept it (locked). Each decision is a <see cref="UnitReportReview"/>
/// row and an audit entry. The round comes from <see cref="ReportRoundService.FindAsync"/>: out of scope is not found.
/// </summary>
public sealed class UnitReportReviewService(
    DbContext db,
    ReportRoundService rounds,
    IOrganizationService organizations,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int MaxReasonLength = 4000;

    public async Task<UnitReportReviewContext?> FindAsync(UserScope actor, int roundId, string organizationId, CancellationToken ct)
    {
        if (!actor.Has(ReportPermissions.ReviewReports) || await rounds.FindAsync(actor, roundId, ct) is not { } round)
        {
            return null;
        }

        var unit = round.Units.FirstOrDefault(u => u.OrganizationId == organizationId);
        if (unit is null)
        {
            return null;
        }

        var report = unit.ReportContentItemId is { } id
            ? await db.Set<UnitReport>().FirstOrDefaultAsync(r => r.Id == id && r.RoundId == roundId && r.OrganizationId == organizationId, ct)
            : null;
        UnitReportVersion? submitted = null;
        IReadOnlyList<UnitReportReview> reviews = [];
        if (report is not null)
        {
            submitted = await db.Set<UnitReportVersion>().AsNoTracking()
                .Where(v => v.ReportId == report.Id && v.Kind == UnitReportVersionKind.Submitted)
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            reviews = await ReviewsAsync(report.Id, ct);
        }

        var name = (await organizations.ListAsync(ct)).FirstOrDefault(o => o.Id == organizationId)?.Name ?? organizationId;
        return new UnitReportReviewContext(round, unit, name, report, submitted, reviews);
    }

    /// <summary>The decisions on a report, newest first.</summary>
    public async Task<IReadOnlyList<UnitReportReview>> ReviewsAsync(string reportId, CancellationToken ct)
        => (await db.Set<UnitReportReview>().AsNoTracking().Where(r => r.ReportId == reportId).ToListAsync(ct))
            .OrderByDescending(r => r.DecidedUtc).ThenByDescending(r => r.Id).ToList();

    /// <summary>Returns a submitted report with a reason (required) and the sections concerned (unknown keys ignored).</summary>
    public async Task<IReadOnlyList<FormError>> ReturnAsync(UserScope actor, UnitReportReviewContext context, string? reason,
        IEnumerable<string> sectionKeys, CancellationToken ct)
    {
        if (NotDecidable(context) is { } refused)
        {
            return [refused];
        }

        if (context.Round.State != ReportRoundState.Open)
        {
            return [new FormError("", "The round is closed: a report can no longer be returned for changes.")];
        }

        var text = reason?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return [new FormError("Reason", "Write why the report is returned, so the unit knows what to change.")];
        }

        if (text.Length > MaxReasonLength)
        {
            return [new FormError("Reason", "The reason is longer than {0} characters.", MaxReasonLength)];
        }

        var known = UnitReports.Sections(context.Outline).Select(s => s.Section.Key).ToHashSet(StringComparer.Ordinal);
        var chosen = sectionKeys.Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
        await DecideAsync(actor, context, UnitReportDecision.Returned, text, chosen, ct);
        return [];
    }

    public async Task<IReadOnlyList<FormError>> AcceptAsync(UserScope actor, UnitReportReviewContext context, CancellationToken ct)
    {
        if (NotDecidable(context) is { } refused)
        {
            return [refused];
        }

        await DecideAsync(actor, context, UnitReportDecision.Accepted, null, [], ct);
        return [];
    }

    private static FormError? NotDecidable(UnitReportReviewContext context)
        => context.Decidable
            ? null
            : new FormError("", "Only a submitted report can be returned or accepted; this report is “{0}”.", context.Unit.ReportState);

    private async Task DecideAsync(UserScope actor, UnitReportReviewContext context, UnitReportDecision decision, string? reason,
        IReadOnlyList<string> sections, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InTransactionAsync(async () =>
        {
            context.Unit.ReportState = decision == UnitReportDecision.Returned ? UnitReportState.Returned : UnitReportState.Accepted;
            context.Unit.StateChangedUtc = now;
            db.Add(new UnitReportReview
            {
                ReportId = context.Report!.Id,
                VersionNumber = context.Submitted!.Number,
                Decision = decision,
                Reason = reason,
                SectionKeys = sections.Count == 0 ? null : string.Join(',', sections),
                DecidedUtc = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
            });
            await db.SaveChangesAsync(ct);
            var titles = UnitReports.Sections(context.Outline).Where(s => sections.Contains(s.Section.Key)).Select(s => s.Section.Title).ToList();
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Report,
                Action = decision == UnitReportDecision.Returned ? AuditActions.Returned : AuditActions.Approved,
                Subject = "Báo cáo của đơn vị: " + context.Round.Title,
                OrganizationId = context.Unit.OrganizationId,
                Details = decision == UnitReportDecision.Returned
                    ? $"Trả lại báo cáo của {context.UnitName} (phiên bản {context.Submitted.Number}): {reason}" + (titles.Count == 0 ? "" : " — Mục: " + string.Join("; ", titles))
                    : $"Chấp nhận báo cáo của {context.UnitName} (phiên bản {context.Submitted.Number})",
            }, ct);
            return true;
        }, ct);
    }
}
