using System.Text.Json;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>A round the unit is asked by, with its row (state, submission) and the owner's name.</summary>
public sealed record UnitRoundRow(ReportRound Round, ReportRoundUnit Unit, string OwnerName)
{
    public bool Late => UnitReports.IsLate(Round, Unit);
}

/// <summary>A round, the unit's row in it and its report (null before it is started).</summary>
public sealed record UnitReportContext(ReportRound Round, ReportRoundUnit Unit, UnitReport? Report, string OwnerName)
{
    public IReadOnlyList<OutlineSection> Outline { get; } = ReportJson.ReadOutline(Round.OutlineJson);

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } = ReportJson.ReadIndicators(Round.IndicatorsJson);

    /// <summary>The unit may change its report: the round is open and the report is a draft or was returned.</summary>
    public bool Editable => Round.State == ReportRoundState.Open && Report is not null
                            && Unit.ReportState is UnitReportState.Draft or UnitReportState.Returned;
}

/// <summary>What starting a report did: errors (nothing started), or started — by this request or, a moment before, by someone else of the unit.</summary>
public sealed record StartResult(IReadOnlyList<FormError> Errors, bool AlreadyStarted)
{
    public static readonly StartResult Started = new([], false);
}

/// <summary>The rules of a unit's report that the board and the next phases share.</summary>
public static class UnitReports
{
    public const int MaxSectionLength = 50000;

    /// <summary>Submitted after the round's deadline (both UTC).</summary>
    public static bool IsLate(ReportRound round, ReportRoundUnit unit)
        => unit.SubmittedUtc is { } sent && round.DeadlineUtc is { } deadline && sent > deadline;

    /// <summary>The round is open, its deadline has passed and the unit has not (or not again, after a return) submitted: it may still submit, late.</summary>
    public static bool PastDeadline(ReportRound round, ReportRoundUnit unit, DateTime nowUtc)
        => round.State == ReportRoundState.Open && round.DeadlineUtc is { } due && nowUtc > due
           && unit.ReportState is UnitReportState.NotStarted or UnitReportState.Draft or UnitReportState.Returned;

    public static Dictionary<string, string> ReadMap(string? json)
        => string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.Ordinal);

    public static string WriteMap(IReadOnlyDictionary<string, string> map)
        => JsonSerializer.Serialize(map.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value));

    /// <summary>Every section of the outline in order, with its depth (0 for the top level).</summary>
    public static IEnumerable<(OutlineSection Section, int Depth)> Sections(IReadOnlyList<OutlineSection> outline, int depth = 0)
    {
        foreach (var section in outline)
        {
            yield return (section, depth);
            foreach (var child in Sections(section.Children, depth + 1))
            {
                yield return child;
            }
        }
    }

    /// <summary>
    /// Each section's title as named outside the outline tree (errors, sections named in a return, the diff): a child
    /// numbered "3. …" under "II. …" becomes "II.3. …", "a) …" under it "II.3.a) …" (a title that already carries its
    /// parent's numeral, "II.3. …", stays as it is); a child without leading numbering, or under a parent without one,
    /// is "Parent › Child". Top-level titles stay as they are. Keyed by section key.
    /// </summary>
    public static Dictionary<string, string> NumberedTitles(IReadOnlyList<OutlineSection> outline)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(IReadOnlyList<OutlineSection> sections, string? parentTitle, string? parentNumeral)
        {
            foreach (var section in sections)
            {
                var title = (section.Title ?? "").Trim();
                var match = LeadingNumber.Match(title);
                string shown;
                string? numeral;
                if (parentTitle is null)
                {
                    shown = title;
                    numeral = match.Success ? match.Groups["number"].Value : null;
                }
                else if (match.Success && parentNumeral is not null)
                {
                    var own = match.Groups["number"].Value;
                    numeral = Chained(parentNumeral, own);
                    shown = numeral + match.Groups["mark"].Value + " " + match.Groups["rest"].Value;
                }
                else
                {
                    shown = parentTitle + " › " + title;
                    numeral = null;
                }

                titles.TryAdd(section.Key, shown);
                Walk(section.Children, shown, numeral);
            }
        }

        Walk(outline, null, null);
        return titles;
    }

    /// <summary>
    /// The parent's numeral followed by the child's: "II" + "3" = "II.3"; a child numeral that already repeats the end of
    /// its parent's ("II.3" under "II", "1.1" under "I.1") adds only its last part.
    /// </summary>
    private static string Chained(string parent, string own)
    {
        var ownParts = own.Split('.');
        var parentParts = parent.Split('.');
        var repeated = ownParts.Length - 1;
        if (repeated > 0 && repeated <= parentParts.Length && parentParts[^repeated..].SequenceEqual(ownParts[..repeated], StringComparer.Ordinal))
        {
            return parent + "." + ownParts[^1];
        }

        return parent + "." + own;
    }

    /// <summary>One section's title as <see cref="NumberedTitles"/> gives it; the key itself for a key not in the outline.</summary>
    public static string NumberedTitle(IReadOnlyList<OutlineSection> outline, string key)
        => NumberedTitles(outline).GetValueOrDefault(key) ?? key;

    /// <summary>"II. ", "3. ", "1.2. ", "II.3. ", "a) ", "IV) " at the start of a title: the numeral, its mark and the rest.</summary>
    private static readonly Regex LeadingNumber = new(
        @"^(?<number>(?:[IVXLCDM]+\.)?\d+(?:\.\d+)*|[IVXLCDM]+|[a-zđA-ZĐ])(?<mark>[.)])\s+(?<rest>\S.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static string SectionField(string key) => "section-" + key;

    public static string ValueField(string key) => "value-" + key;
}

/// <summary>
/// A unit's reports, for a user holding AnswerReports: the rounds (open or closed, never drafts) that ask the user's own
/// organisation; starting a report, saving drafts and submitting. A round that does not ask the user's organisation is
/// not found (the pages answer 404); a unit never sees another unit's report.
/// </summary>
public sealed class UnitReportService(
    DbContext db,
    IOrganizationService organizations,
    IndicatorEntryValidator validator,
    IAuditTrail audit,
    UnitReportAttachmentsService attachments,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<ReportRoundUnit> Asked(UserScope actor)
    {
        if (!actor.Has(ReportPermissions.AnswerReports))
        {
            return db.Set<ReportRoundUnit>().Where(_ => false);
        }

        var unitId = actor.OrganizationId;
        return db.Set<ReportRoundUnit>().Where(u => u.OrganizationId == unitId);
    }

    public async Task<IReadOnlyList<UnitRoundRow>> ListAsync(UserScope actor, CancellationToken ct)
    {
        var rows = await (from unit in Asked(actor)
                          join round in db.Set<ReportRound>() on unit.RoundId equals round.Id
                          where round.State != ReportRoundState.Draft
                          select new { round, unit }).AsNoTracking().ToListAsync(ct);
        var names = await NamesAsync(ct);
        return rows
            .OrderBy(r => r.round.State == ReportRoundState.Open ? 0 : 1)
            .ThenBy(r => r.round.DeadlineUtc ?? DateTime.MaxValue).ThenByDescending(r => r.round.Id)
            .Select(r => new UnitRoundRow(r.round, r.unit, names.GetValueOrDefault(r.round.OwnerOrganizationId) ?? r.round.OwnerOrganizationId))
            .ToList();
    }

    /// <summary>The actor's unit's place in a round (tracked); null when the round does not ask it or is a draft.</summary>
    public async Task<UnitReportContext?> FindAsync(UserScope actor, int roundId, CancellationToken ct)
    {
        var unit = await Asked(actor).FirstOrDefaultAsync(u => u.RoundId == roundId, ct);
        if (unit is null)
        {
            return null;
        }

        var round = await db.Set<ReportRound>().FirstOrDefaultAsync(r => r.Id == roundId && r.State != ReportRoundState.Draft, ct);
        if (round is null)
        {
            return null;
        }

        var report = unit.ReportContentItemId is { } id
            ? await db.Set<UnitReport>().FirstOrDefaultAsync(r => r.Id == id && r.RoundId == roundId && r.OrganizationId == unit.OrganizationId, ct)
            : null;
        var names = await NamesAsync(ct);
        return new UnitReportContext(round, unit, report, names.GetValueOrDefault(round.OwnerOrganizationId) ?? round.OwnerOrganizationId);
    }

    /// <summary>
    /// Starts the unit's report (a draft) when the round is open; starting twice keeps the first. Two people of the unit
    /// starting at the same moment: the second insert breaks the unique index (RoundId, OrganizationId); its work is
    /// rolled back and the result says the report was <see cref="StartResult.AlreadyStarted"/> by someone else.
    /// </summary>
    public async Task<StartResult> StartAsync(UserScope actor, UnitReportContext context, CancellationToken ct)
    {
        if (context.Report is not null)
        {
            return StartResult.Started;
        }

        if (context.Round.State != ReportRoundState.Open)
        {
            return new StartResult([new FormError("", "The round is closed: reports can no longer be started or changed.")], false);
        }

        var report = new UnitReport
        {
            Id = IdGenerator.NewId(),
            RoundId = context.Round.Id,
            OrganizationId = context.Unit.OrganizationId,
            CreatedUtc = Now,
            CreatedByUserId = actor.UserId,
            ModifiedUtc = Now,
            ModifiedByUserId = actor.UserId,
        };
        try
        {
            await db.InTransactionAsync(async () =>
            {
                db.Add(report);
                context.Unit.ReportContentItemId = report.Id;
                context.Unit.ReportState = UnitReportState.Draft;
                context.Unit.StateChangedUtc = Now;
                await db.SaveChangesAsync(ct);
                await AuditAsync(AuditActions.Created, context, "Bắt đầu báo cáo", ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException)
        {
            if (!await StartedMeanwhileAsync(context, report, ct))
            {
                throw;
            }

            return new StartResult([], true);
        }

        return StartResult.Started;
    }

    /// <summary>After a failed start: forgets this attempt's changes and tells whether another start won the race.</summary>
    private async Task<bool> StartedMeanwhileAsync(UnitReportContext context, UnitReport attempt, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
            else
            {
                await entry.ReloadAsync(ct);
            }
        }

        return await db.Set<UnitReport>().AsNoTracking()
            .AnyAsync(r => r.RoundId == context.Round.Id && r.OrganizationId == context.Unit.OrganizationId && r.Id != attempt.Id, ct);
    }

    /// <summary>
    /// Saves the texts and values typed (a draft may be incomplete) or submits them (every indicator but short texts and
    /// every section without subsections needed). With any error nothing is stored: the form shows what was typed.
    /// </summary>
    public async Task<IReadOnlyList<FormError>> SaveAsync(UserScope actor, UnitReportContext context,
        IReadOnlyDictionary<string, string?> sections, IReadOnlyDictionary<string, string?> values, bool submit, CancellationToken ct,
        UnitReportAttachmentsInput? typedAttachments = null)
    {
        if (context.Report is not { } report)
        {
            return [new FormError("", "Start the report first.")];
        }

        if (context.Round.State != ReportRoundState.Open)
        {
            return [new FormError("", "The round is closed: reports can no longer be started or changed.")];
        }

        if (!context.Editable)
        {
            return [new FormError("", "The report has been submitted; it can be changed again only if the round's owner returns it.")];
        }

        var errors = new List<FormError>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var titles = UnitReports.NumberedTitles(context.Outline);
        foreach (var (section, _) in UnitReports.Sections(context.Outline))
        {
            var text = sections.GetValueOrDefault(section.Key)?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (submit && section.Children.Count == 0)
                {
                    errors.Add(new FormError(UnitReports.SectionField(section.Key), "Write the section “{0}” before submitting.", titles[section.Key]));
                }

                continue;
            }

            if (text.Length > UnitReports.MaxSectionLength)
            {
                errors.Add(new FormError(UnitReports.SectionField(section.Key), "The section “{0}” is longer than {1} characters.", titles[section.Key], UnitReports.MaxSectionLength));
                continue;
            }

            texts[section.Key] = text;
        }

        var answers = validator.ValidateAnswers(context.Indicators, values, submit ? AnswerCompleteness.Submission : AnswerCompleteness.Draft);
        // Messages of the validator are already Vietnamese; the controller shows them as they are.
        errors.AddRange(answers.Errors.Select(e => new FormError(UnitReports.ValueField(e.Key), e.Message)));

        // Evidence and nominations: those typed, or (a save that does not post them, the cascade's pre-fill) those stored.
        var (checkedAttachments, attachmentErrors) = await attachments.CheckAsync(actor, context, typedAttachments ?? new UnitReportAttachmentsInput(
            UnitReportAttachments.ReadEvidence(report.EvidenceJson), UnitReportAttachments.ReadNominations(report.NominationsJson)), submit, ct);
        errors.AddRange(attachmentErrors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = Now;
        try
        {
            await SaveVersionAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone of the unit saved in between: keep theirs, show this form again as typed.
            return [new FormError("", "Someone else of your unit saved this report in the meantime. Copy what you typed, open the report again and redo your changes.")];
        }

        return [];

        async Task SaveVersionAsync() => await db.InTransactionAsync(async () =>
        {
            report.SectionsJson = UnitReports.WriteMap(texts);
            report.ValuesJson = UnitReports.WriteMap(answers.Values);
            report.EvidenceJson = UnitReportAttachments.Write(checkedAttachments.Evidence);
            report.NominationsJson = UnitReportAttachments.Write(checkedAttachments.Nominations);
            report.Version++;
            report.ModifiedUtc = now;
            report.ModifiedByUserId = actor.UserId;
            db.Add(new UnitReportVersion
            {
                ReportId = report.Id,
                Number = report.Version,
                Kind = submit ? UnitReportVersionKind.Submitted : UnitReportVersionKind.Draft,
                SectionsJson = report.SectionsJson,
                ValuesJson = report.ValuesJson,
                EvidenceJson = report.EvidenceJson,
                NominationsJson = report.NominationsJson,
                SavedUtc = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
            });
            if (submit)
            {
                context.Unit.ReportState = UnitReportState.Submitted;
                context.Unit.SubmittedUtc = now;
                context.Unit.StateChangedUtc = now;
            }

            await db.SaveChangesAsync(ct);
            await AuditAsync(submit ? AuditActions.Submitted : AuditActions.Updated, context,
                submit ? (UnitReports.IsLate(context.Round, context.Unit) ? "Nộp báo cáo (nộp muộn)" : "Nộp báo cáo") : $"Lưu bản nháp (phiên bản {report.Version})", ct);
            return true;
        }, ct);
    }

    /// <summary>The saved versions of the report, newest first.</summary>
    public async Task<IReadOnlyList<UnitReportVersion>> VersionsAsync(UnitReport report, CancellationToken ct)
        => await db.Set<UnitReportVersion>().AsNoTracking().Where(v => v.ReportId == report.Id).OrderByDescending(v => v.Number).ToListAsync(ct);

    /// <summary>The latest decision of the round's owner on the report (the reason of a return), null when none.</summary>
    public async Task<UnitReportReview?> LatestReviewAsync(UnitReport report, CancellationToken ct)
        => (await db.Set<UnitReportReview>().AsNoTracking().Where(r => r.ReportId == report.Id).ToListAsync(ct))
            .OrderByDescending(r => r.DecidedUtc).ThenByDescending(r => r.Id).FirstOrDefault();

    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken ct)
        => (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.ShortName ?? o.Name, StringComparer.Ordinal);

    private Task AuditAsync(string action, UnitReportContext context, string details, CancellationToken ct)
        => audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Report,
            Action = action,
            Subject = "Báo cáo của đơn vị: " + context.Round.Title,
            OrganizationId = context.Unit.OrganizationId,
            Details = details,
        }, ct);
}
