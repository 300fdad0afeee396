using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// <c>/admin/bao-cao/cua-don-vi</c>: the reports of the user's own unit — the rounds that ask it, starting its report,
/// a text per outline section (Markdown, with a preview) and the indicator values, saving drafts and submitting
/// (late after the deadline). Needs AnswerReports (403 without); a round that does not ask the user's unit answers 404.
/// </summary>
[RequirePermission(ReportPermissions.AnswerReports)]
public sealed class UnitReportsController(
    UnitReportService reports,
    UnitReportAttachmentsService attachments,
    ReportCascadeService cascade,
    UnitReportHistoryService history,
    IndicatorEntryValidator validator,
    IContentHtmlRenderer renderer,
    ISiteSettingsService siteSettings,
    IStringLocalizer<ReportsResources> T) : AdminController
{
    public const string Base = "/admin/bao-cao/cua-don-vi";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var site = await siteSettings.GetAsync(ct);
        return View(new UnitReportsIndexView(await reports.ListAsync(Scope, ct), site.ToLocal));
    }

    [HttpGet(Base + "/{roundId:int}")]
    public async Task<IActionResult> Report(int roundId, CancellationToken ct)
    {
        if (await reports.FindAsync(Scope, roundId, ct) is not { } context)
        {
            return NotFound();
        }

        var sections = UnitReports.ReadMap(context.Report?.SectionsJson);
        var values = UnitReports.ReadMap(context.Report?.ValuesJson);
        var typed = context.Indicators.ToDictionary(i => i.Key, i => values.TryGetValue(i.Key, out var v) ? EntryText(i, v) : "", StringComparer.Ordinal);
        return View(await ViewAsync(context, sections, typed, null, ct, Stored(context)));
    }

    /// <summary>The report's versions and the owner's decisions, and the comparison of two versions (<c>?tu=&amp;den=</c>).</summary>
    [HttpGet(Base + "/{roundId:int}/lich-su")]
    public async Task<IActionResult> History(int roundId, [FromQuery(Name = "tu")] int? from, [FromQuery(Name = "den")] int? to, CancellationToken ct)
    {
        if (await reports.FindAsync(Scope, roundId, ct) is not { } context)
        {
            return NotFound();
        }

        var site = await siteSettings.GetAsync(ct);
        var page = await history.PageAsync(context.Round, context.Report, context.Unit.OrganizationId, false, $"{Base}/{roundId}/lich-su", $"{Base}/{roundId}",
            T["Back to the report"], from, to, site.ToLocal, T, ct);
        return View("ReportHistory", page);
    }

    [HttpPost(Base + "/{roundId:int}/bat-dau")]
    public async Task<IActionResult> Start(int roundId, CancellationToken ct)
    {
        if (await reports.FindAsync(Scope, roundId, ct) is not { } context)
        {
            return NotFound();
        }

        var result = await reports.StartAsync(Scope, context, ct);
        if (result.Errors.Count > 0)
        {
            AddErrors(result.Errors);
            return View("Report", await ViewAsync(context, new Dictionary<string, string>(), new Dictionary<string, string>(), null, ct));
        }

        Flash(result.AlreadyStarted
            ? T["Someone else of your unit started this report a moment ago: here it is, continue from it."]
            : T["Your report has been started: write each section and the figures, save drafts as you go, then submit."]);
        return Redirect($"{Base}/{roundId}");
    }

    [HttpPost(Base + "/{roundId:int}")]
    public async Task<IActionResult> Save(int roundId, [FromForm(Name = "_action")] string? action, [FromForm(Name = "_preview")] string? preview, CancellationToken ct)
    {
        if (await reports.FindAsync(Scope, roundId, ct) is not { } context)
        {
            return NotFound();
        }

        var sections = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (section, _) in UnitReports.Sections(context.Outline))
        {
            sections[section.Key] = Request.Form[UnitReports.SectionField(section.Key)].ToString();
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var indicator in context.Indicators)
        {
            values[indicator.Key] = Request.Form[UnitReports.ValueField(indicator.Key)].ToString();
        }

        var shownSections = sections.ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);
        var shownValues = values.ToDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);
        var typedAttachments = ReadAttachments(context);
        if (!string.IsNullOrEmpty(preview))
        {
            // Preview of one section: nothing is saved, the form comes back as typed.
            var html = shownSections.TryGetValue(preview, out var text) ? renderer.RenderMarkdown(text) : null;
            return View("Report", await ViewAsync(context, shownSections, shownValues, html is null ? null : (preview, html), ct, typedAttachments));
        }

        var submit = action == "submit";
        var errors = await reports.SaveAsync(Scope, context, sections, values, submit, ct, typedAttachments);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return View("Report", await ViewAsync(context, shownSections, shownValues, null, ct, typedAttachments));
        }

        if (submit)
        {
            Flash(UnitReports.IsLate(context.Round, context.Unit)
                ? T["Your report has been submitted after the deadline (late)."]
                : T["Your report has been submitted."]);
        }
        else
        {
            Flash(T["The draft has been saved."]);
        }

        return Redirect($"{Base}/{roundId}");
    }

    /// <summary>
    /// Mở đợt báo cáo cho các trường: a district office's round manager opens the linked round for its schools (a draft
    /// with the same outline and indicators) or, when it exists, goes to it. Anyone else: 404.
    /// </summary>
    [HttpPost(Base + "/{roundId:int}/mo-dot-cho-truong")]
    public async Task<IActionResult> OpenForSchools(int roundId, CancellationToken ct)
    {
        if (await reports.FindAsync(Scope, roundId, ct) is not { } context || !ReportCascadeService.CanCascade(Scope, context))
        {
            return NotFound();
        }

        var existed = await cascade.LinkedAsync(context, ct) is not null;
        var (linked, errors) = await cascade.OpenLinkedAsync(Scope, context, ct);
        if (linked is null)
        {
            AddErrors(errors);
            return View("Report", await CurrentViewAsync(context, ct));
        }

        Flash(existed
            ? T["The round for your schools was opened before: here it is."]
            : T["The round for your schools has been opened as a draft with the same outline and indicators: set the deadline, then open it."]);
        return Redirect($"{ReportsAdminController.Base}/{linked.Id}/sua");
    }

    /// <summary>
    /// Lấy số liệu từ các trường: pre-fills the district's own report (a draft save) with the figures of its schools'
    /// submitted or accepted reports in the linked round, added up by each indicator's rule. Anyone else: 404.
    /// </summary>
    [HttpPost(Base + "/{roundId:int}/lay-so-lieu")]
    public async Task<IActionResult> Prefill(int roundId, CancellationToken ct)
    {
        if (await reports.FindAsync(Scope, roundId, ct) is not { } context || !ReportCascadeService.CanCascade(Scope, context))
        {
            return NotFound();
        }

        var (schools, errors) = await cascade.PrefillAsync(Scope, context, ct);
        if (errors.Count > 0)
        {
            // Why nothing was taken (no school has submitted yet, the report is not editable…) is information, not a
            // mistake in a form: said on the report page, whose address stays reloadable.
            Flash(string.Join(" ", errors.Select(e => T[e.Message, e.Args].Value)));
            return Redirect($"{Base}/{roundId}");
        }

        Flash(T["The figures of {0} schools (submitted or accepted reports) have been added up into your draft; check and complete them.", schools]);
        return Redirect($"{Base}/{roundId}");
    }

    private Task<UnitReportEditView> CurrentViewAsync(UnitReportContext context, CancellationToken ct)
    {
        var sections = UnitReports.ReadMap(context.Report?.SectionsJson);
        var values = UnitReports.ReadMap(context.Report?.ValuesJson);
        var typed = context.Indicators.ToDictionary(i => i.Key, i => values.TryGetValue(i.Key, out var v) ? EntryText(i, v) : "", StringComparer.Ordinal);
        return ViewAsync(context, sections, typed, null, ct, Stored(context));
    }

    private static UnitReportAttachmentsInput Stored(UnitReportContext context)
        => context.Report is { } report
            ? new UnitReportAttachmentsInput(UnitReportAttachments.ReadEvidence(report.EvidenceJson), UnitReportAttachments.ReadNominations(report.NominationsJson))
            : UnitReportAttachmentsInput.Empty;

    /// <summary>
    /// The evidence and nominations as posted: the files and library items ticked (each with its caption and section),
    /// then the nomination rows that are not blank, in the order of the form.
    /// </summary>
    private UnitReportAttachmentsInput ReadAttachments(UnitReportContext context)
    {
        var form = Request.Form;
        var evidence = new List<EvidenceEntry>();
        foreach (var (field, kind) in new[] { (UnitReportAttachments.FileField, EvidenceKind.File), (UnitReportAttachments.ItemField, EvidenceKind.LibraryItem) })
        {
            foreach (var target in form[field].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal))
            {
                var section = form[UnitReportAttachments.SectionField(field, target)].ToString();
                evidence.Add(new EvidenceEntry
                {
                    Kind = kind, Target = target, SectionKey = string.IsNullOrEmpty(section) ? null : section,
                    Caption = form[UnitReportAttachments.CaptionField(field, target)].ToString(),
                });
            }
        }

        var nominations = new List<NominationEntry>();
        // Rows are numbered from 0; a crafted form may send more than the round takes (refused by the count check).
        for (var row = 0; row < 100 && (form.ContainsKey(UnitReportAttachments.CollectiveField(row, "org")) || form.ContainsKey(UnitReportAttachments.CollectiveField(row, "file"))); row++)
        {
            var org = form[UnitReportAttachments.CollectiveField(row, "org")].ToString().Trim();
            var file = form[UnitReportAttachments.CollectiveField(row, "file")].ToString().Trim();
            if (org.Length > 0 || file.Length > 0)
            {
                nominations.Add(new NominationEntry { Kind = Consolidation.NominationKind.Collective, OrganizationId = org.Length > 0 ? org : null, FilePath = file });
            }
        }

        for (var row = 0; row < 100 && form.ContainsKey(UnitReportAttachments.IndividualField(row, "name")); row++)
        {
            string Part(string part) => form[UnitReportAttachments.IndividualField(row, part)].ToString().Trim();
            var (name, position, organisation, file) = (Part("name"), Part("position"), Part("organisation"), Part("file"));
            if (name.Length > 0 || position.Length > 0 || organisation.Length > 0 || file.Length > 0)
            {
                nominations.Add(new NominationEntry
                {
                    Kind = Consolidation.NominationKind.Individual, Name = name, Position = position, Organisation = organisation, FilePath = file,
                });
            }
        }

        return new UnitReportAttachmentsInput(evidence, nominations);
    }

    /// <summary>A stored value as the unit would type it again (Vietnamese numbers, Có/Không).</summary>
    /// Numbers without thousands separators ("1234,5"), which never read as ambiguous when sent back.
    private string EntryText(IndicatorDefinition indicator, string stored)
        => IndicatorEntries.IsNumeric(indicator.Kind) && IndicatorEntries.TryReadNumber(stored, out var number)
            ? number.ToString("0.############", VietnameseNumbers)
            : validator.Display(indicator, stored);

    private static readonly System.Globalization.CultureInfo VietnameseNumbers = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private async Task<UnitReportEditView> ViewAsync(UnitReportContext context, IReadOnlyDictionary<string, string> sections,
        IReadOnlyDictionary<string, string> values, (string Key, string Html)? preview, CancellationToken ct, UnitReportAttachmentsInput? shownAttachments = null)
    {
        var site = await siteSettings.GetAsync(ct);
        var versions = context.Report is { } report ? await reports.VersionsAsync(report, ct) : [];
        var review = context.Report is { } reviewed ? await reports.LatestReviewAsync(reviewed, ct) : null;
        var hints = context.Indicators.ToDictionary(i => i.Key, validator.Hint, StringComparer.Ordinal);
        var guidance = string.IsNullOrWhiteSpace(context.Round.Guidance) ? null : renderer.RenderMarkdown(context.Round.Guidance);
        var canCascade = ReportCascadeService.CanCascade(Scope, context);
        var linked = canCascade ? await cascade.LinkedAsync(context, ct) : null;
        var choices = context.Report is not null ? await attachments.ChoicesAsync(Scope, context.Unit.OrganizationId, ct) : null;
        return new UnitReportEditView(context, sections, values, hints, versions, preview, guidance, site.ToLocal, review, canCascade, linked,
            shownAttachments ?? Stored(context), choices);
    }

    private void AddErrors(IEnumerable<FormError> errors)
    {
        foreach (var error in errors)
        {
            // The indicator validator's messages are Vietnamese already (and may quote what was typed): shown as they are.
            var message = error.Field.StartsWith("value-", StringComparison.Ordinal) ? error.Message : T[error.Message, error.Args].Value;
            ModelState.AddModelError(error.Field, message);
        }
    }
}

public sealed record UnitReportsIndexView(IReadOnlyList<UnitRoundRow> Rows, Func<DateTime, DateTime> ToLocal);

public sealed record UnitReportEditView(
    UnitReportContext Context,
    IReadOnlyDictionary<string, string> Sections,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Hints,
    IReadOnlyList<UnitReportVersion> Versions,
    (string Key, string Html)? Preview,
    string? GuidanceHtml,
    Func<DateTime, DateTime> ToLocal,
    UnitReportReview? LatestReview,
    bool CanCascade = false,
    ReportRound? LinkedRound = null,
    UnitReportAttachmentsInput? Attachments = null,
    UnitReportAttachmentChoices? Choices = null);
