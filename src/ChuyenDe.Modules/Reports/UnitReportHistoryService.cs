using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>One line of a report's history: a saved version (draft or submission) or a decision of the round's owner.</summary>
public sealed record ReportHistoryEntry(DateTime Utc, UnitReportVersion? Version, UnitReportReview? Review);

/// <summary>The changes of the latest submission since the submission that was returned, with that return.</summary>
public sealed record ChangesSinceReturn(UnitReportReview Return, UnitReportComparison Comparison);

/// <summary>
/// A unit's report's history (versions and decisions, interleaved) and the comparison of two of its versions. Callers
/// have already found the report within the actor's scope (<see cref="UnitReportService.FindAsync"/> for the unit,
/// <see cref="UnitReportReviewService.FindAsync"/> for the round's owner); this service only reads.
/// </summary>
public sealed class UnitReportHistoryService(DbContext db, UnitReportComparer comparer, ChuyenDe.Modules.Organizations.IOrganizationService organizations)
{
    /// <summary>The versions, oldest first.</summary>
    public async Task<IReadOnlyList<UnitReportVersion>> VersionsAsync(string reportId, CancellationToken ct)
        => await db.Set<UnitReportVersion>().AsNoTracking().Where(v => v.ReportId == reportId).OrderBy(v => v.Number).ToListAsync(ct);

    /// <summary>Versions and decisions, newest first (a decision comes after the version it is about).</summary>
    public async Task<IReadOnlyList<ReportHistoryEntry>> TimelineAsync(string reportId, CancellationToken ct)
    {
        var versions = await VersionsAsync(reportId, ct);
        var reviews = await db.Set<UnitReportReview>().AsNoTracking().Where(r => r.ReportId == reportId).ToListAsync(ct);
        return versions.Select(v => (Entry: new ReportHistoryEntry(v.SavedUtc, v, null), Order: (v.SavedUtc, v.Number, 0, v.Id)))
            .Concat(reviews.Select(r => (Entry: new ReportHistoryEntry(r.DecidedUtc, null, r), Order: (r.DecidedUtc, r.VersionNumber, 1, r.Id))))
            .OrderByDescending(e => e.Order).Select(e => e.Entry).ToList();
    }

    /// <summary>Two versions compared (older first whatever the order asked); null when either number is not a version of the report.</summary>
    public async Task<UnitReportComparison?> CompareAsync(ReportRound round, string reportId, int from, int to, CancellationToken ct)
    {
        var (low, high) = from <= to ? (from, to) : (to, from);
        var pair = await db.Set<UnitReportVersion>().AsNoTracking()
            .Where(v => v.ReportId == reportId && (v.Number == low || v.Number == high)).ToListAsync(ct);
        var older = pair.FirstOrDefault(v => v.Number == low);
        var newer = pair.FirstOrDefault(v => v.Number == high);
        return older is null || newer is null ? null : Compare(round, older, newer);
    }

    /// <summary>
    /// When the latest submission follows a return: the latest returned submission compared with the latest submission,
    /// and that return (its reason and sections); otherwise null.
    /// </summary>
    public async Task<ChangesSinceReturn?> SinceReturnAsync(ReportRound round, string reportId, CancellationToken ct)
    {
        var latest = await db.Set<UnitReportVersion>().AsNoTracking()
            .Where(v => v.ReportId == reportId && v.Kind == UnitReportVersionKind.Submitted)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }

        var returned = (await db.Set<UnitReportReview>().AsNoTracking()
                .Where(r => r.ReportId == reportId && r.Decision == UnitReportDecision.Returned && r.VersionNumber < latest.Number).ToListAsync(ct))
            .OrderByDescending(r => r.VersionNumber).ThenByDescending(r => r.Id).FirstOrDefault();
        if (returned is null)
        {
            return null;
        }

        var before = await db.Set<UnitReportVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.ReportId == reportId && v.Number == returned.VersionNumber, ct);
        return before is null ? null : new ChangesSinceReturn(returned, Compare(round, before, latest));
    }

    /// <summary>
    /// The history page's model: the timeline and, when <paramref name="to"/> or <paramref name="from"/> is given, the
    /// comparison of the two (<paramref name="from"/> by default the version before, <paramref name="to"/> the latest);
    /// a number that is not a version listed gives a Vietnamese error. With <paramref name="submissionsOnly"/> (the round's
    /// owner) the unit's drafts are neither listed nor compared: the owner sees what the unit sent.
    /// </summary>
    public async Task<UnitReportHistoryView> PageAsync(ReportRound round, UnitReport? report, string organizationId, bool submissionsOnly,
        string pageUrl, string backUrl, string backLabel, int? from, int? to, Func<DateTime, DateTime> toLocal,
        Microsoft.Extensions.Localization.IStringLocalizer T, CancellationToken ct)
    {
        var unitName = (await organizations.ListAsync(ct)).FirstOrDefault(o => o.Id == organizationId)?.Name ?? organizationId;
        var timeline = report is null ? [] : await TimelineAsync(report.Id, ct);
        if (submissionsOnly)
        {
            timeline = timeline.Where(e => e.Version is null || e.Version.Kind == UnitReportVersionKind.Submitted).ToList();
        }

        var numbers = timeline.Where(e => e.Version is not null).Select(e => e.Version!.Number).Order().ToList();
        UnitReportComparison? comparison = null;
        string? error = null;
        if (to is not null || from is not null)
        {
            var target = to ?? numbers.LastOrDefault();
            var source = from ?? numbers.LastOrDefault(n => n < target);
            comparison = report is null || !numbers.Contains(target) || !numbers.Contains(source) || source == target
                ? null
                : await CompareAsync(round, report.Id, source, target, ct);
            if (comparison is null)
            {
                error = numbers.Count < 2
                    ? T["The report needs at least two versions to compare."]
                    : T["Choose two different versions of the list."];
            }
        }

        return new UnitReportHistoryView(round, unitName, pageUrl, backUrl, backLabel, timeline, comparison, error,
            comparison?.From.Number ?? from, comparison?.To.Number ?? to, toLocal);
    }

    private UnitReportComparison Compare(ReportRound round, UnitReportVersion from, UnitReportVersion to)
        => comparer.Compare(ReportJson.ReadOutline(round.OutlineJson), ReportJson.ReadIndicators(round.IndicatorsJson), from, to);
}

/// <summary>
/// The history page of a unit's report (<c>Views/Shared/ReportHistory</c>), for the unit or for the round's owner: the
/// timeline, the compare form and, when two versions are chosen, their comparison (<paramref name="Error"/> when a
/// chosen number is not a version of the report).
/// </summary>
public sealed record UnitReportHistoryView(
    ReportRound Round,
    string UnitName,
    string PageUrl,
    string BackUrl,
    string BackLabel,
    IReadOnlyList<ReportHistoryEntry> Timeline,
    UnitReportComparison? Comparison,
    string? Error,
    int? From,
    int? To,
    Func<DateTime, DateTime> ToLocal)
{
    public IReadOnlyList<OutlineSectionTitle> SectionTitles { get; } =
        UnitReports.NumberedTitles(ReportJson.ReadOutline(Round.OutlineJson)).Select(p => new OutlineSectionTitle(p.Key, p.Value)).ToList();

    public string TitleOf(string key) => SectionTitles.FirstOrDefault(s => s.Key == key)?.Title ?? key;

    public IReadOnlyList<int> Numbers => Timeline.Where(e => e.Version is not null).Select(e => e.Version!.Number).Order().ToList();
}

public sealed record OutlineSectionTitle(string Key, string Title);

/// <summary>A comparison shown on a page, with the sections a return named (marked).</summary>
public sealed record ReportComparisonView(UnitReportComparison Comparison, IReadOnlySet<string> Marked);
