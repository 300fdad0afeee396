using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// Cascading (issue 13, item 2): a district office asked by a round opens a linked round for its schools — same outline
/// and indicators, owned by the district, <see cref="ReportRound.ParentRoundId"/> = the round that asked it — and
/// pre-fills its own report with its schools' submitted or accepted figures, added up by each indicator's rule.
/// Only a holder of ManageReportRounds whose own unit is the district office asked; one linked round per district and
/// round (asking again returns the existing one).
/// </summary>
public sealed class ReportCascadeService(
    DbContext db,
    IOrganizationService organizations,
    UnitReportService reports,
    IndicatorEntryValidator validator,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>Whether the actor may cascade the round that asks its unit: a district office's round manager.</summary>
    public static bool CanCascade(UserScope actor, UnitReportContext context)
        => actor.Has(ReportPermissions.ManageReportRounds)
           && actor.OrganizationKind == nameof(OrganizationKind.DistrictOffice)
           && context.Unit.OrganizationId == actor.OrganizationId;

    /// <summary>The district's linked round for its schools, if it has been opened.</summary>
    public Task<ReportRound?> LinkedAsync(UnitReportContext context, CancellationToken ct)
    {
        var parentId = context.Round.Id;
        var owner = context.Unit.OrganizationId;
        return db.Set<ReportRound>().AsNoTracking()
            .Where(r => r.ParentRoundId == parentId && r.OwnerOrganizationId == owner)
            .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Opens the linked round (a draft, the deadline empty, the district's active schools asked) or returns the one
    /// already opened. Errors when the district has no active school.
    /// </summary>
    public async Task<(ReportRound? Round, IReadOnlyList<FormError> Errors)> OpenLinkedAsync(UserScope actor, UnitReportContext context, CancellationToken ct)
    {
        if (await LinkedAsync(context, ct) is { } existing)
        {
            return (existing, []);
        }

        var all = await organizations.ListAsync(ct);
        var district = all.FirstOrDefault(o => o.Id == context.Unit.OrganizationId);
        var schools = UnitsAsked.Pick(all, context.Unit.OrganizationId, UnitsAskedRule.Schools);
        if (schools.Count == 0)
        {
            return (null, [new FormError("", "Your unit has no active school to ask.")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = (district?.ShortName ?? district?.Name ?? context.Unit.OrganizationId) + " – các trường: ";
        var title = prefix + context.Round.Title;
        if (title.Length > ReportRoundService.MaxTitleLength)
        {
            title = title[..ReportRoundService.MaxTitleLength];
        }

        var round = new ReportRound
        {
            Title = title,
            SchoolYear = context.Round.SchoolYear,
            Guidance = context.Round.Guidance,
            OwnerOrganizationId = context.Unit.OrganizationId,
            State = ReportRoundState.Draft,
            UnitsRule = UnitsAskedRule.Schools,
            CollectiveNominations = context.Round.CollectiveNominations,
            IndividualNominations = context.Round.IndividualNominations,
            TemplateId = context.Round.TemplateId,
            ParentRoundId = context.Round.Id,
            OutlineJson = context.Round.OutlineJson,
            IndicatorsJson = context.Round.IndicatorsJson,
            CreatedByUserId = actor.UserId,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        foreach (var school in schools)
        {
            round.Units.Add(new ReportRoundUnit { OrganizationId = school.Id, AddedUtc = now, ReportState = UnitReportState.NotStarted });
        }

        try
        {
            await CreateAsync();
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Someone of the district opened it at the same moment: the unique index (ParentRoundId, OwnerOrganizationId)
            // kept one; go to that one.
            db.ChangeTracker.Clear();
            if (await LinkedAsync(context, ct) is { } raced)
            {
                return (raced, []);
            }

            throw;
        }

        return (round, []);

        async Task CreateAsync() => await db.InTransactionAsync(async () =>
        {
            db.Add(round);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Report,
                Action = AuditActions.Created,
                Subject = "Đợt báo cáo: " + round.Title,
                OrganizationId = round.OwnerOrganizationId,
                Details = $"Mở cho các trường từ đợt “{context.Round.Title}”; {round.Units.Count} đơn vị",
            }, ct);
            return true;
        }, ct);
    }

    /// <summary>
    /// Pre-fills the district's report with its schools' figures (submitted or accepted reports of the linked round; drafts
    /// and returned ones are not counted), added up by each indicator's rule, and saves a draft: the texts and the other
    /// values are kept. Returns how many schools contributed.
    /// </summary>
    public async Task<(int Schools, IReadOnlyList<FormError> Errors)> PrefillAsync(UserScope actor, UnitReportContext context, CancellationToken ct)
    {
        if (context.Report is null || !context.Editable)
        {
            return (0, [new FormError("", "Figures can be taken from the schools only into a draft or returned report of an open round.")]);
        }

        if (await LinkedAsync(context, ct) is not { } linked)
        {
            return (0, [new FormError("", "Open the round for your schools first.")]);
        }

        var counted = await (from unit in db.Set<ReportRoundUnit>()
                             join report in db.Set<UnitReport>() on unit.ReportContentItemId equals report.Id
                             where unit.RoundId == linked.Id
                                   && (unit.ReportState == UnitReportState.Submitted || unit.ReportState == UnitReportState.Accepted)
                             select report.ValuesJson).AsNoTracking().ToListAsync(ct);
        if (counted.Count == 0)
        {
            return (0, [new FormError("", "No school has submitted its report in the round for your schools yet.")]);
        }

        var schoolValues = counted
            .Select(json => (IReadOnlyDictionary<string, string?>)UnitReports.ReadMap(json).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal))
            .ToList();
        var figures = IndicatorAddUp.AddUp(context.Indicators, schoolValues);
        var prefilled = IndicatorAddUp.Prefill(context.Indicators, figures);

        // The save reads values as typed (Vietnamese numbers, Có/Không): stored ones are written back that way.
        var stored = UnitReports.ReadMap(context.Report.ValuesJson);
        foreach (var (key, value) in prefilled)
        {
            stored[key] = value;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var indicator in context.Indicators)
        {
            if (stored.TryGetValue(indicator.Key, out var value))
            {
                values[indicator.Key] = AsTyped(indicator, value);
            }
        }

        var sections = UnitReports.ReadMap(context.Report.SectionsJson).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
        var errors = await reports.SaveAsync(actor, context, sections, values, false, ct);
        return (counted.Count, errors);
    }

    /// <summary>A stored value as the unit would type it (numbers without thousands separators, Vietnamese decimal comma).</summary>
    private string AsTyped(IndicatorDefinition indicator, string stored)
        => IndicatorEntries.IsNumeric(indicator.Kind) && IndicatorEntries.TryReadNumber(stored, out var number)
            ? number.ToString("0.############", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))
            : validator.Display(indicator, stored);
}
