using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>A round in the list: with the owner's name and the number of units asked.</summary>
public sealed record ReportRoundRow(ReportRound Round, string OwnerName, int UnitCount);

/// <summary>
/// Report rounds and templates as the admin sees them, within the actor's scope: a user holding ManageReportRounds
/// manages the rounds owned by the units of their subtree (a district curator: its office's; a Department curator:
/// the Department's and its offices'; administrators: all) and asks only active units below the round's owner.
/// Templates: the built-in ones are offered to all and changed by the Department level; others by their owner's scope.
/// Whatever is out of scope is not found (the pages answer 404).
/// </summary>
public sealed class ReportRoundService(
    DbContext db,
    IOrganizationService organizations,
    ISiteSettingsService settings,
    IAuditTrail audit,
    IMediaFileAccess media,
    TimeProvider clock)
{
    public const int MaxTitleLength = 300;
    public const int MaxSchoolYearLength = 64;
    public const int MaxGuidanceLength = 20000;
    public const int MaxNominations = 20;

    private static readonly string[] DeadlineFormats =
    [
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "d/M/yyyy H:mm", "d/M/yyyy", "yyyy-MM-dd",
    ];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Whether the actor may create rounds: the permission, and a Department or district office to own them (administrators: any unit).</summary>
    public static bool CanOwnRounds(UserScope actor)
        => actor.Has(ReportPermissions.ManageReportRounds)
           && (actor.IsAdministrator || actor.OrganizationKind is nameof(OrganizationKind.Department) or nameof(OrganizationKind.DistrictOffice));

    private IQueryable<ReportRound> Rounds(UserScope actor)
    {
        var rounds = db.Set<ReportRound>().AsQueryable();
        if (actor.IsAdministrator)
        {
            return rounds;
        }

        if (!actor.Has(ReportPermissions.ManageReportRounds))
        {
            return rounds.Where(_ => false);
        }

        var ids = actor.OrganizationIds.ToList();
        return rounds.Where(r => ids.Contains(r.OwnerOrganizationId));
    }

    public async Task<PagedResult<ReportRoundRow>> ListAsync(UserScope actor, ReportRoundState? state, string? schoolYear, int page, int pageSize, CancellationToken ct)
    {
        var query = Rounds(actor);
        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }

        if (!string.IsNullOrWhiteSpace(schoolYear))
        {
            var year = schoolYear.Trim();
            query = query.Where(r => r.SchoolYear == year);
        }

        var paged = await query.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
            .Select(r => new { Round = r, Units = r.Units.Count })
            .ToPagedResultAsync(page, pageSize, ct);
        var names = (await organizations.ListAsync(ct)).ToDictionary(o => o.Id, o => o.ShortName ?? o.Name, StringComparer.Ordinal);
        return new PagedResult<ReportRoundRow>(
            paged.Items.Select(x => new ReportRoundRow(x.Round, names.GetValueOrDefault(x.Round.OwnerOrganizationId) ?? x.Round.OwnerOrganizationId, x.Units)).ToList(),
            paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>The school years of the rounds in scope, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> SchoolYearsAsync(UserScope actor, CancellationToken ct)
        => (await Rounds(actor).Where(r => r.SchoolYear != null).Select(r => r.SchoolYear!).Distinct().ToListAsync(ct))
            .Order(StringComparer.Ordinal).Reverse().ToList();

    /// <summary>A round the actor manages, with its units and documents; null when there is none or it is out of scope.</summary>
    public Task<ReportRound?> FindAsync(UserScope actor, int id, CancellationToken ct)
        => Rounds(actor).Include(r => r.Units).Include(r => r.Documents).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The units the owner may ask, in tree order.</summary>
    public async Task<IReadOnlyList<Organization>> CandidatesAsync(string ownerId, CancellationToken ct)
        => UnitsAsked.Candidates(await organizations.ListAsync(ct), ownerId);

    /// <summary>
    /// The files that may be attached as plan documents: those the actor may choose that belong to the owner's library
    /// (or a unit below it), newest first.
    /// </summary>
    public async Task<IReadOnlyList<MediaChoice>> DocumentChoicesAsync(UserScope actor, string ownerId, CancellationToken ct)
    {
        var choosable = await media.ListChoosableAsync(actor, ct);
        var owned = await media.OwnedByItemAsync(ownerId, choosable.Select(c => c.Path).ToList(), ct);
        return choosable.Where(c => owned.Contains(c.Path)).Take(200).ToList();
    }

    // ---- Templates ----

    private IQueryable<ReportTemplate> VisibleTemplates(UserScope actor)
    {
        var templates = db.Set<ReportTemplate>().AsQueryable();
        if (actor.IsAdministrator)
        {
            return templates;
        }

        if (!actor.Has(ReportPermissions.ManageReportRounds))
        {
            return templates.Where(_ => false);
        }

        var ids = actor.OrganizationIds.ToList();
        return templates.Where(t => t.OwnerOrganizationId == null || ids.Contains(t.OwnerOrganizationId));
    }

    /// <summary>The templates the actor may build a round from: the built-in ones and those of their scope.</summary>
    public async Task<IReadOnlyList<ReportTemplate>> TemplatesAsync(UserScope actor, CancellationToken ct)
        => await VisibleTemplates(actor).OrderByDescending(t => t.BuiltIn).ThenBy(t => t.Name).ToListAsync(ct);

    public Task<ReportTemplate?> FindTemplateToUseAsync(UserScope actor, int id, CancellationToken ct)
        => VisibleTemplates(actor).FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Whether the actor may change the template (a built-in one: administrators and the Department level).</summary>
    public static bool CanChange(UserScope actor, ReportTemplate template)
        => actor.Has(ReportPermissions.ManageReportRounds) && actor.InScope(template.OwnerOrganizationId);

    /// <summary>A template the actor may change; null when none or out of scope.</summary>
    public async Task<ReportTemplate?> FindTemplateAsync(UserScope actor, int id, CancellationToken ct)
        => await FindTemplateToUseAsync(actor, id, ct) is { } template && CanChange(actor, template) ? template : null;

    public async Task<(ReportTemplate? Template, IReadOnlyList<FormError> Errors)> CreateTemplateAsync(UserScope actor, ReportTemplateForm form, CancellationToken ct)
    {
        var errors = CheckTemplate(form);
        ReportTemplate? source = null;
        if (form.CopyOf is { } copyId && (source = await FindTemplateToUseAsync(actor, copyId, ct)) is null)
        {
            errors.Add(new FormError("CopyOf", "Choose a template from the list."));
        }

        if (!CanOwnRounds(actor))
        {
            errors.Add(new FormError("", "Only the Department and district offices make report templates."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var template = new ReportTemplate
        {
            Name = form.Name!,
            Description = form.Description,
            OwnerOrganizationId = actor.OrganizationId,
            OutlineJson = source?.OutlineJson ?? "[]",
            IndicatorsJson = source?.IndicatorsJson ?? "[]",
            CreatedUtc = Now,
            UpdatedUtc = Now,
        };
        await db.InTransactionAsync(async () =>
        {
            db.Add(template);
            await db.SaveChangesAsync(ct);
            await AuditAsync(AuditActions.Created, "Mẫu báo cáo: " + template.Name, actor.OrganizationId, null, ct);
            return true;
        }, ct);
        return (template, []);
    }

    public async Task<IReadOnlyList<FormError>> UpdateTemplateAsync(UserScope actor, ReportTemplate template, ReportTemplateForm form, CancellationToken ct)
    {
        var errors = CheckTemplate(form);
        if (errors.Count > 0)
        {
            return errors;
        }

        template.Name = form.Name!;
        template.Description = form.Description;
        await SaveTemplateAsync(actor, template, "tên, mô tả", ct);
        return [];
    }

    private static List<FormError> CheckTemplate(ReportTemplateForm form)
    {
        var errors = new List<FormError>();
        form.Name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim().Normalize();
        form.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim().Normalize();
        if (form.Name is null)
        {
            errors.Add(new FormError("Name", "Enter the template's name."));
        }
        else if (form.Name.Length > 256)
        {
            errors.Add(new FormError("Name", "The name is longer than {0} characters.", 256));
        }

        if (form.Description?.Length > 2000)
        {
            errors.Add(new FormError("Description", "The description is longer than {0} characters.", 2000));
        }

        return errors;
    }

    private async Task SaveTemplateAsync(UserScope actor, ReportTemplate template, string what, CancellationToken ct)
    {
        template.UpdatedUtc = Now;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await AuditAsync(AuditActions.Updated, "Mẫu báo cáo: " + template.Name, template.OwnerOrganizationId ?? actor.OrganizationId, what, ct);
            return true;
        }, ct);
    }

    // ---- Rounds ----

    public async Task<(ReportRound? Round, IReadOnlyList<FormError> Errors)> CreateAsync(UserScope actor, ReportRoundForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        ReportTemplate? template = null;
        if (form.TemplateId is not { } templateId || (template = await FindTemplateToUseAsync(actor, templateId, ct)) is null)
        {
            errors.Add(new FormError(nameof(form.TemplateId), "Choose the template the round starts from."));
        }

        if (!CanOwnRounds(actor))
        {
            errors.Add(new FormError("", "Only the Department and district offices create report rounds."));
        }

        var round = new ReportRound
        {
            OwnerOrganizationId = actor.OrganizationId,
            State = ReportRoundState.Draft,
            CreatedByUserId = actor.UserId,
            CreatedUtc = Now,
            UpdatedUtc = Now,
        };
        var (apply, settingsErrors) = await CheckSettingsAsync(actor, round, form, ct);
        errors.AddRange(settingsErrors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        round.TemplateId = template!.Id;
        round.OutlineJson = template.OutlineJson;
        round.IndicatorsJson = template.IndicatorsJson;
        apply();
        await db.InTransactionAsync(async () =>
        {
            db.Add(round);
            await db.SaveChangesAsync(ct);
            await AuditAsync(AuditActions.Created, "Đợt báo cáo: " + round.Title, round.OwnerOrganizationId,
                $"Từ mẫu “{template.Name}”; {round.Units.Count} đơn vị", ct);
            return true;
        }, ct);
        return (round, []);
    }

    public async Task<IReadOnlyList<FormError>> UpdateAsync(UserScope actor, ReportRound round, ReportRoundForm form, CancellationToken ct)
    {
        if (round.State == ReportRoundState.Closed)
        {
            return [new FormError("", "A closed round cannot be changed; open it again first.")];
        }

        var (apply, errors) = await CheckSettingsAsync(actor, round, form, ct);
        if (errors.Count > 0)
        {
            return errors;
        }

        apply();
        await SaveRoundAsync(actor, round, AuditActions.Updated, "Thiết lập đợt", ct);
        return [];
    }

    /// <summary>Checks the settings against the round's owner; the returned action applies them to the round.</summary>
    private async Task<(Action Apply, List<FormError> Errors)> CheckSettingsAsync(UserScope actor, ReportRound round, ReportRoundForm form, CancellationToken ct)
    {
        var errors = new List<FormError>();
        string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Normalize();
        var title = Clean(form.Title);
        var year = Clean(form.SchoolYear);
        var guidance = Clean(form.Guidance);
        if (title is null)
        {
            errors.Add(new FormError(nameof(form.Title), "Enter the round's title."));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new FormError(nameof(form.Title), "The title is longer than {0} characters.", MaxTitleLength));
        }

        if (year?.Length > MaxSchoolYearLength)
        {
            errors.Add(new FormError(nameof(form.SchoolYear), "The school year or phase is longer than {0} characters.", MaxSchoolYearLength));
        }

        if (guidance?.Length > MaxGuidanceLength)
        {
            errors.Add(new FormError(nameof(form.Guidance), "The guidance is longer than {0} characters.", MaxGuidanceLength));
        }

        DateTime? deadline = null;
        if (Clean(form.Deadline) is { } deadlineText)
        {
            var zone = (await settings.GetAsync(ct)).TimeZone;
            if (DateTime.TryParseExact(deadlineText, DeadlineFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                if (local.TimeOfDay == TimeSpan.Zero && !deadlineText.Contains(':', StringComparison.Ordinal))
                {
                    // A date alone: the end of that day.
                    local = local.AddDays(1).AddMinutes(-1);
                }

                deadline = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            }
            else
            {
                errors.Add(new FormError(nameof(form.Deadline), "“{0}” is not a date and time (for example 10/3/2023 17:00).", deadlineText));
            }
        }

        if (form.CollectiveNominations is < 0 or > MaxNominations)
        {
            errors.Add(new FormError(nameof(form.CollectiveNominations), "The number of collective nominations lies between 0 and {0}.", MaxNominations));
        }

        if (form.IndividualNominations is < 0 or > MaxNominations)
        {
            errors.Add(new FormError(nameof(form.IndividualNominations), "The number of individual nominations lies between 0 and {0}.", MaxNominations));
        }

        var rule = UnitsAskedRule.Manual;
        if (!Enum.TryParse(form.UnitsRule, false, out rule) || !Enum.IsDefined(rule))
        {
            errors.Add(new FormError(nameof(form.UnitsRule), "Choose which units are asked."));
        }

        var all = await organizations.ListAsync(ct);
        var candidates = UnitsAsked.Candidates(all, round.OwnerOrganizationId).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var names = all.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var asked = new List<string>();
        if (rule == UnitsAskedRule.Manual)
        {
            foreach (var id in form.Units.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal))
            {
                if (candidates.ContainsKey(id))
                {
                    asked.Add(id);
                }
                else
                {
                    errors.Add(new FormError(nameof(form.Units), "“{0}” is not an active district office or school below the round's owner.", names.GetValueOrDefault(id) ?? id));
                }
            }
        }
        else
        {
            asked.AddRange(UnitsAsked.Pick(all, round.OwnerOrganizationId, rule).Select(o => o.Id));
        }

        if (errors.Count == 0 && asked.Count == 0)
        {
            errors.Add(new FormError(nameof(form.Units), rule == UnitsAskedRule.Manual
                ? "Choose at least one unit to ask."
                : "The rule picks no unit below the round's owner; choose the units by hand."));
        }

        // A unit that has started its report stays asked.
        foreach (var kept in round.Units.Where(u => u.ReportContentItemId is not null && !asked.Contains(u.OrganizationId)))
        {
            errors.Add(new FormError(nameof(form.Units), "“{0}” has started its report and stays asked.", names.GetValueOrDefault(kept.OrganizationId) ?? kept.OrganizationId));
        }

        var documents = form.Documents.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).ToList();
        var attached = round.Documents.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var added = documents.Where(d => !attached.Contains(d)).ToList();
        if (added.Count > 0)
        {
            // A new attachment must be a file the actor may use that belongs to the owner's library.
            var usable = await media.UsableAsync(actor, added, ct);
            var owned = await media.OwnedByItemAsync(round.OwnerOrganizationId, added, ct);
            if (added.Any(d => !usable.Contains(d) || !owned.Contains(d)))
            {
                errors.Add(new FormError(nameof(form.Documents), "Attach only files of the owner's media library."));
            }
        }

        return (() =>
        {
            round.Title = title!;
            round.SchoolYear = year;
            round.Guidance = guidance;
            round.DeadlineUtc = deadline;
            round.CollectiveNominations = form.CollectiveNominations;
            round.IndividualNominations = form.IndividualNominations;
            round.UnitsRule = rule;
            round.Units.RemoveAll(u => !asked.Contains(u.OrganizationId));
            foreach (var id in asked.Where(id => round.Units.All(u => u.OrganizationId != id)))
            {
                round.Units.Add(new ReportRoundUnit { OrganizationId = id, AddedUtc = Now, ReportState = UnitReportState.NotStarted });
            }

            round.Documents.RemoveAll(d => !documents.Contains(d.Path));
            for (var i = 0; i < documents.Count; i++)
            {
                var document = round.Documents.FirstOrDefault(d => d.Path == documents[i]);
                if (document is null)
                {
                    round.Documents.Add(new ReportRoundDocument { Path = documents[i], Position = i });
                }
                else
                {
                    document.Position = i;
                }
            }
        }, errors);
    }

    /// <summary>The started reports of a round, for its recipe (<see cref="ReportsRecipeExport.Reports"/>), in the units' order.</summary>
    public async Task<IReadOnlyList<UnitReportExport>> ReportsForExportAsync(ReportRound round, CancellationToken ct)
    {
        var reports = await db.Set<UnitReport>().AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var submitters = (await db.Set<UnitReportVersion>().AsNoTracking()
                .Where(v => ids.Contains(v.ReportId) && v.Kind == UnitReportVersionKind.Submitted).ToListAsync(ct))
            .GroupBy(v => v.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        var reviews = (await db.Set<UnitReportReview>().AsNoTracking().Where(r => ids.Contains(r.ReportId)).ToListAsync(ct))
            .GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var order = (await organizations.ListAsync(ct)).Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return round.Units
            .Select(u => (Unit: u, Report: reports.FirstOrDefault(r => r.Id == u.ReportContentItemId)))
            .Where(p => p.Report is not null)
            .OrderBy(p => order.GetValueOrDefault(p.Unit.OrganizationId, int.MaxValue)).ThenBy(p => p.Unit.OrganizationId, StringComparer.Ordinal)
            .Select(p => new UnitReportExport(p.Unit, p.Report!,
                submitters.GetValueOrDefault(p.Report!.Id) is { } v && v.UserId != ReportsStep.SystemUser ? v.UserName : null,
                reviews.GetValueOrDefault(p.Report!.Id)))
            .ToList();
    }

    public async Task<IReadOnlyList<FormError>> SetOutlineAsync(UserScope actor, ReportRound round, IReadOnlyList<OutlineSection> outline, CancellationToken ct)
    {
        if (round.State == ReportRoundState.Closed)
        {
            return [new FormError("", "A closed round cannot be changed; open it again first.")];
        }

        round.OutlineJson = ReportJson.Write(outline);
        await SaveRoundAsync(actor, round, AuditActions.Updated, "Đề cương", ct);
        return [];
    }

    public async Task<IReadOnlyList<FormError>> SetIndicatorsAsync(UserScope actor, ReportRound round, IReadOnlyList<IndicatorDefinition> indicators, CancellationToken ct)
    {
        if (round.State == ReportRoundState.Closed)
        {
            return [new FormError("", "A closed round cannot be changed; open it again first.")];
        }

        round.IndicatorsJson = ReportJson.Write(indicators);
        await SaveRoundAsync(actor, round, AuditActions.Updated, "Chỉ tiêu", ct);
        return [];
    }

    public async Task SetOutlineAsync(UserScope actor, ReportTemplate template, IReadOnlyList<OutlineSection> outline, CancellationToken ct)
    {
        template.OutlineJson = ReportJson.Write(outline);
        await SaveTemplateAsync(actor, template, "Đề cương", ct);
    }

    public async Task SetIndicatorsAsync(UserScope actor, ReportTemplate template, IReadOnlyList<IndicatorDefinition> indicators, CancellationToken ct)
    {
        template.IndicatorsJson = ReportJson.Write(indicators);
        await SaveTemplateAsync(actor, template, "Chỉ tiêu", ct);
    }

    /// <summary>Opens a draft or closed round to the units asked: it needs a deadline, a section and a unit asked.</summary>
    public async Task<IReadOnlyList<FormError>> OpenAsync(UserScope actor, ReportRound round, CancellationToken ct)
    {
        var errors = new List<FormError>();
        if (round.State == ReportRoundState.Open)
        {
            return [new FormError("", "The round is already open.")];
        }

        if (round.DeadlineUtc is null)
        {
            errors.Add(new FormError("", "Set the deadline before opening the round."));
        }

        if (ReportJson.ReadOutline(round.OutlineJson).Count == 0)
        {
            errors.Add(new FormError("", "The outline needs at least one section before the round opens."));
        }

        if (round.Units.Count == 0)
        {
            errors.Add(new FormError("", "Choose the units asked before opening the round."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        round.State = ReportRoundState.Open;
        round.OpenedUtc = Now;
        await SaveRoundAsync(actor, round, "RoundOpened", null, ct);
        return [];
    }

    public async Task<IReadOnlyList<FormError>> CloseAsync(UserScope actor, ReportRound round, CancellationToken ct)
    {
        if (round.State != ReportRoundState.Open)
        {
            return [new FormError("", "Only an open round can be closed.")];
        }

        round.State = ReportRoundState.Closed;
        round.ClosedUtc = Now;
        await SaveRoundAsync(actor, round, "RoundClosed", null, ct);
        return [];
    }

    private async Task SaveRoundAsync(UserScope actor, ReportRound round, string action, string? what, CancellationToken ct)
    {
        round.UpdatedUtc = Now;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await AuditAsync(action, "Đợt báo cáo: " + round.Title, round.OwnerOrganizationId, what, ct);
            return true;
        }, ct);
    }

    private Task AuditAsync(string action, string subject, string? organizationId, string? details, CancellationToken ct)
        => audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Report,
            Action = action,
            Subject = subject,
            OrganizationId = organizationId,
            Details = details,
        }, ct);
}
