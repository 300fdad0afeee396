using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
    IEnumerable<INotifier> notifiers,
    IStringLocalizer<ReportsResources> T,
    TimeProvider clock)
{
    public const int MaxReasonLength = 4000;

    /// <summary>The notification kinds of the owner's decisions, sent to the unit's AnswerReports holders.</summary>
    public const string ReturnedKind = "ReportReturned";

    public const string AcceptedKind = "ReportAccepted";

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
            var review = new UnitReportReview
            {
                ReportId = context.Report!.Id,
                VersionNumber = context.Submitted!.Number,
                Decision = decision,
                Reason = reason,
                SectionKeys = sections.Count == 0 ? null : string.Join(',', sections),
                DecidedUtc = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
            };
            db.Add(review);
            await db.SaveChangesAsync(ct);
            var numbered = UnitReports.NumberedTitles(context.Outline);
            var titles = UnitReports.Sections(context.Outline).Where(s => sections.Contains(s.Section.Key)).Select(s => numbered[s.Section.Key]).ToList();
            await NotifyUnitAsync(actor, context, review, titles, ct);
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

    /// <summary>
    /// Tells the unit's active users holding AnswerReports (the one deciding excepted) of the decision — in the app and,
    /// through the outbox, by e-mail — with the reason and the sections of a return; the link is the unit's report page.
    /// Written in the decision's transaction; the event key names the decision, so it is sent once.
    /// </summary>
    private async Task NotifyUnitAsync(UserScope actor, UnitReportReviewContext context, UnitReportReview review,
        IReadOnlyList<string> sectionTitles, CancellationToken ct)
    {
        var returned = review.Decision == UnitReportDecision.Returned;
        var body = returned
            ? T["The report of {0} for “{1}” has been returned for changes. Reason: {2}", context.UnitName, context.Round.Title, review.Reason ?? ""].Value
              + (sectionTitles.Count == 0 ? "" : "\n" + T["Sections to change: {0}", string.Join("; ", sectionTitles)].Value)
              + "\n" + T["Change the report and submit it again."].Value
            : T["The report of {0} for “{1}” has been accepted.", context.UnitName, context.Round.Title].Value;
        var message = new NotificationMessage
        {
            EventKey = $"ReportDecision:{review.Id}",
            Kind = returned ? ReturnedKind : AcceptedKind,
            Subject = returned ? T["Report returned: “{0}”", context.Round.Title] : T["Report accepted: “{0}”", context.Round.Title],
            Body = body,
            Url = $"{UnitReportsController.Base}/{context.Round.Id}",
        };
        var to = new NotificationRecipients
        {
            OrganizationPermissions = [(context.Unit.OrganizationId, ReportPermissions.AnswerReports)],
            ExceptUserId = actor.UserId,
        };
        foreach (var notifier in notifiers)
        {
            await notifier.NotifyAsync(to, message, ct);
        }
    }
}
