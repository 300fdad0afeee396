using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// Our own step <c>Reports</c>: <c>Templates</c>, an array of <c>{ Key, Name, Description?, BuiltIn?, Outline, Indicators }</c>,
/// and <c>Rounds</c>, an array of <c>{ Key, Title, SchoolYear?, Guidance?, Owner, Template? | Outline + Indicators,
/// Deadline? (site time, "2023-03-10T17:00"), UnitsRule? (Manual, DistrictOffices, Schools), Units?, CollectiveNominations?,
/// IndividualNominations?, State?, ParentRound?, Documents?, Reports? }</c>. Outlines and indicators are written as stored (<see cref="ReportJson"/>)
/// and checked as the admin checks them. Both are matched by key: a second run changes nothing that is equal.
/// <c>Documents</c> are media paths of files of the owner's library (the plan documents). <c>Reports</c> are units'
/// answers, <c>{ Organization, State (Draft, Submitted, Returned, Accepted), Saved?, Submitted?, SubmittedBy?, Sections?,
/// Values?, Evidence?, Nominations?, Review? { Reason?, Sections?, Decided?, By? } }</c>; <c>Evidence</c> is
/// <c>[{ Kind (File, LibraryItem), Target (a media path of the unit's library or a content item id of its organisation),
/// Caption?, SectionKey? }]</c> and <c>Nominations</c> <c>[{ Kind (Collective, Individual), OrganizationId? | Name, Position?,
/// Organisation?, FilePath? (.docx or .pdf of the unit's library) }]</c>, checked as <see cref="UnitReportAttachmentsService"/>
/// checks a unit's save (files written by a media step of the same recipe count), times with their offset ("2023-03-08T16:30:00+07:00"),
/// values as stored; they are written as the app would have saved them (a draft version, then a submitted one, then the
/// decision) and matched by round and organisation: a report that exists is left as it is (it is the unit's data).
/// </summary>
internal sealed class ReportsStep(DbContext db, IOrganizationService organizations, ISiteSettingsService settings, TimeProvider clock,
    IRecipeMediaFiles recipeMedia, IMediaFileAccess media, IUserDirectory users, IndicatorEntryValidator validator,
    IHttpContextAccessor http, IUserScopeService scopes, UnitReportAttachmentsService attachments,
    IStringLocalizer<ReportsResources> T) : IRecipeStepHandler
{
    /// <summary>Who saved an answer when the recipe names nobody and nobody is signed in (as the audit trail says).</summary>
    public const string SystemUser = "system";

    public string Name => "Reports";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var templatesPath = RecipeJson.Child(context.Path, "Templates");
        foreach (var (json, path) in RecipeJson.Objects(RecipeJson.OptionalArray(context.Step, "Templates", context.Path), templatesPath))
        {
            await TemplateAsync(context, json, path, ct);
        }

        await db.SaveChangesAsync(ct);

        var roundsPath = RecipeJson.Child(context.Path, "Rounds");
        foreach (var (json, path) in RecipeJson.Objects(RecipeJson.OptionalArray(context.Step, "Rounds", context.Path), roundsPath))
        {
            var round = await RoundAsync(context, json, path, ct);
            await db.SaveChangesAsync(ct);
            await DocumentsAsync(context, round, json, path, ct);
            await AnswersAsync(context, round, json, path, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    // PostgreSQL's jsonb gives a document back in its own key order: compare what it says, not its text.
    private static bool SameOutline(string stored, string written) => ReportJson.Write(ReportJson.ReadOutline(stored)) == written;

    private static bool SameIndicators(string stored, string written) => ReportJson.Write(ReportJson.ReadIndicators(stored)) == written;

    private static string Key(JsonObject json, string path)
    {
        var key = RecipeJson.RequiredString(json, "Key", path);
        return ReportKeys.IsValid(key)
            ? key
            : throw new RecipeStepException(RecipeJson.Child(path, "Key"), $"'{key}' is not a valid key (a–z, 0–9 and '-', at most 64).");
    }

    /// <summary>An editor's message in the importer's language (Vietnamese on the import page), as the editor shows it.</summary>
    private string Describe(FormError error) => T[error.Message, error.Args].Value;

    private IReadOnlyList<OutlineSection> Outline(JsonObject json, string path)
    {
        var node = RecipeJson.RequiredArray(json, "Outline", path);
        List<OutlineSection> outline;
        try
        {
            outline = JsonSerializer.Deserialize<List<OutlineSection>>(node, ReportJson.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Outline"), "The outline is not an array of { Key, Title, Guidance?, Children? }: " + e.Message);
        }

        var (built, errors) = OutlineEditing.Build(OutlineEditing.Flatten(outline));
        if (errors.Count > 0 || built is null)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Outline"), string.Join(" ", errors.Select(Describe)));
        }

        var given = OutlineEditing.Flatten(outline).Select(r => r.Key).ToList();
        if (given.Any(k => !ReportKeys.IsValid(k)) || given.Distinct(StringComparer.Ordinal).Count() != given.Count)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Outline"), "Every section needs a key (a–z, 0–9 and '-'), unique within the outline.");
        }

        return built;
    }

    private IReadOnlyList<IndicatorDefinition> Indicators(JsonObject json, string path)
    {
        var node = RecipeJson.RequiredArray(json, "Indicators", path);
        List<IndicatorDefinition> indicators;
        try
        {
            indicators = JsonSerializer.Deserialize<List<IndicatorDefinition>>(node, ReportJson.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Indicators"), "The indicators are not an array of { Key, Name, Kind, AddUp, … }: " + e.Message);
        }

        var (built, errors) = IndicatorEditing.Build(IndicatorEditing.Rows(indicators));
        return errors.Count > 0 || built is null
            ? throw new RecipeStepException(RecipeJson.Child(path, "Indicators"), string.Join(" ", errors.Select(Describe)))
            : built;
    }

    private async Task TemplateAsync(RecipeStepContext context, JsonObject json, string path, CancellationToken ct)
    {
        var key = Key(json, path);
        var name = RecipeJson.RequiredString(json, "Name", path).Normalize();
        var description = RecipeJson.OptionalString(json, "Description", path)?.Normalize();
        var builtIn = RecipeJson.OptionalBool(json, "BuiltIn", path) ?? true;
        var outline = ReportJson.Write(Outline(json, path));
        var indicators = ReportJson.Write(Indicators(json, path));

        var template = await db.Set<ReportTemplate>().FirstOrDefaultAsync(t => t.Key == key, ct);
        if (template is null)
        {
            db.Add(new ReportTemplate
            {
                Key = key, Name = name, Description = description, BuiltIn = builtIn, OutlineJson = outline, IndicatorsJson = indicators,
                CreatedUtc = Now, UpdatedUtc = Now,
            });
            context.Changes++;
            return;
        }

        if (template.Name == name && template.Description == description && template.BuiltIn == builtIn
            && SameOutline(template.OutlineJson, outline) && SameIndicators(template.IndicatorsJson, indicators))
        {
            return;
        }

        template.Name = name;
        template.Description = description;
        template.BuiltIn = builtIn;
        template.OutlineJson = outline;
        template.IndicatorsJson = indicators;
        template.UpdatedUtc = Now;
        context.Changes++;
    }

    private async Task<ReportRound> RoundAsync(RecipeStepContext context, JsonObject json, string path, CancellationToken ct)
    {
        var key = Key(json, path);
        var title = RecipeJson.RequiredString(json, "Title", path).Normalize();
        var ownerId = RecipeJson.RequiredString(json, "Owner", path);
        var all = await organizations.ListAsync(ct);
        var owner = all.FirstOrDefault(o => o.Id == ownerId);
        if (owner is null || owner.Kind is not (OrganizationKind.Department or OrganizationKind.DistrictOffice))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Owner"), $"'{ownerId}' is not a Department or district office of the tree.");
        }

        string outline, indicators;
        int? templateId = null;
        if (RecipeJson.OptionalString(json, "Template", path) is { } templateKey)
        {
            var template = await db.Set<ReportTemplate>().FirstOrDefaultAsync(t => t.Key == templateKey, ct)
                ?? throw new RecipeStepException(RecipeJson.Child(path, "Template"), $"No template has the key '{templateKey}'.");
            templateId = template.Id;
            outline = ReportJson.Write(json["Outline"] is null ? ReportJson.ReadOutline(template.OutlineJson) : Outline(json, path));
            indicators = ReportJson.Write(json["Indicators"] is null ? ReportJson.ReadIndicators(template.IndicatorsJson) : Indicators(json, path));
        }
        else
        {
            outline = ReportJson.Write(Outline(json, path));
            indicators = ReportJson.Write(Indicators(json, path));
        }

        DateTime? deadline = null;
        if (RecipeJson.OptionalString(json, "Deadline", path) is { } deadlineText)
        {
            if (!DateTime.TryParseExact(deadlineText, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new RecipeStepException(RecipeJson.Child(path, "Deadline"), $"'{deadlineText}' is not a local date and time such as 2023-03-10T17:00.");
            }

            deadline = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), (await settings.GetAsync(ct)).TimeZone);
        }

        var ruleText = RecipeJson.OptionalString(json, "UnitsRule", path) ?? nameof(UnitsAskedRule.Manual);
        if (!Enum.TryParse<UnitsAskedRule>(ruleText, false, out var rule) || !Enum.IsDefined(rule))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "UnitsRule"), $"Unknown rule '{ruleText}'. Known rules: {string.Join(", ", Enum.GetNames<UnitsAskedRule>())}.");
        }

        var stateText = RecipeJson.OptionalString(json, "State", path) ?? nameof(ReportRoundState.Draft);
        if (!Enum.TryParse<ReportRoundState>(stateText, false, out var state) || !Enum.IsDefined(state))
        {
            throw new RecipeStepException(RecipeJson.Child(path, "State"), $"Unknown state '{stateText}'. Known states: {string.Join(", ", Enum.GetNames<ReportRoundState>())}.");
        }

        var candidates = UnitsAsked.Candidates(all, ownerId).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var units = rule == UnitsAskedRule.Manual
            ? RecipeJson.Strings(RecipeJson.OptionalArray(json, "Units", path), RecipeJson.Child(path, "Units")).Distinct(StringComparer.Ordinal).ToList()
            : UnitsAsked.Pick(all, ownerId, rule).Select(o => o.Id).ToList();
        if (units.FirstOrDefault(u => !candidates.Contains(u)) is { } stranger)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Units"), $"'{stranger}' is not an active district office or school below '{ownerId}'.");
        }

        int Nominations(string name)
        {
            var value = RecipeJson.OptionalNumber(json, name, path) ?? 0;
            return value is >= 0 and <= ReportRoundService.MaxNominations && value == decimal.Truncate(value)
                ? (int)value
                : throw new RecipeStepException(RecipeJson.Child(path, name), $"'{name}' must be a whole number from 0 to {ReportRoundService.MaxNominations}.");
        }

        int? parentId = null;
        if (RecipeJson.OptionalString(json, "ParentRound", path) is { } parentKey)
        {
            parentId = await db.Set<ReportRound>().Where(r => r.Key == parentKey).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
                ?? throw new RecipeStepException(RecipeJson.Child(path, "ParentRound"), $"No round has the key '{parentKey}' (rounds are read in order).");
        }

        var round = await db.Set<ReportRound>().Include(r => r.Units).Include(r => r.Documents).AsSplitQuery().FirstOrDefaultAsync(r => r.Key == key, ct);
        var changed = round is null;
        if (round is null)
        {
            round = new ReportRound { Key = key, CreatedUtc = Now, UpdatedUtc = Now };
            db.Add(round);
        }

        void Set<T>(T current, T value, Action<T> set)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                set(value);
                changed = true;
            }
        }

        Set(round.Title, title, v => round.Title = v);
        Set(round.SchoolYear, RecipeJson.OptionalString(json, "SchoolYear", path)?.Normalize(), v => round.SchoolYear = v);
        Set(round.Guidance, RecipeJson.OptionalString(json, "Guidance", path)?.Normalize(), v => round.Guidance = v);
        Set(round.OwnerOrganizationId, ownerId, v => round.OwnerOrganizationId = v);
        Set(round.TemplateId, templateId, v => round.TemplateId = v);
        Set(SameOutline(round.OutlineJson, outline), true, _ => round.OutlineJson = outline);
        Set(SameIndicators(round.IndicatorsJson, indicators), true, _ => round.IndicatorsJson = indicators);
        Set(round.DeadlineUtc, deadline, v => round.DeadlineUtc = v);
        Set(round.UnitsRule, rule, v => round.UnitsRule = v);
        Set(round.CollectiveNominations, Nominations("CollectiveNominations"), v => round.CollectiveNominations = v);
        Set(round.IndividualNominations, Nominations("IndividualNominations"), v => round.IndividualNominations = v);
        Set(round.ParentRoundId, parentId, v => round.ParentRoundId = v);
        Set(round.State, state, v =>
        {
            round.State = v;
            round.OpenedUtc = v == ReportRoundState.Open ? Now : round.OpenedUtc;
            round.ClosedUtc = v == ReportRoundState.Closed ? Now : round.ClosedUtc;
        });

        var gone = round.Units.Where(u => !units.Contains(u.OrganizationId)).ToList();
        if (gone.FirstOrDefault(u => u.ReportContentItemId is not null) is { } started)
        {
            throw new RecipeStepException(RecipeJson.Child(path, "Units"), $"'{started.OrganizationId}' has started its report and stays asked.");
        }

        foreach (var unit in gone)
        {
            round.Units.Remove(unit);
            changed = true;
        }

        foreach (var id in units.Where(id => round.Units.All(u => u.OrganizationId != id)))
        {
            round.Units.Add(new ReportRoundUnit { OrganizationId = id, AddedUtc = Now, ReportState = UnitReportState.NotStarted });
            changed = true;
        }

        if (changed)
        {
            round.UpdatedUtc = Now;
            context.Changes++;
        }

        return round;
    }


    /// <summary>The plan documents, when the recipe gives them: each a file of the media library that the owner's library holds.</summary>
    private async Task DocumentsAsync(RecipeStepContext context, ReportRound round, JsonObject json, string path, CancellationToken ct)
    {
        if (RecipeJson.OptionalArray(json, "Documents", path) is not { } array)
        {
            return;
        }

        var documentsPath = RecipeJson.Child(path, "Documents");
        var given = RecipeJson.Strings(array, documentsPath).Select(p => p.Trim()).ToList();
        for (var i = 0; i < given.Count; i++)
        {
            var document = given[i];
            if (!await recipeMedia.ExistsAsync(document, ct))
            {
                throw new RecipeStepException(RecipeJson.Index(documentsPath, i),
                    $"The plan document '{document}' is not a file of the media library (a media step before this one may add it).");
            }

            if (!(await media.OwnedByItemAsync(round.OwnerOrganizationId, [document], ct)).Contains(document))
            {
                throw new RecipeStepException(RecipeJson.Index(documentsPath, i),
                    $"The plan document '{document}' is not a file of the library of '{round.OwnerOrganizationId}'.");
            }
        }

        var documents = given.Distinct(StringComparer.Ordinal).ToList();
        if (round.Documents.OrderBy(d => d.Position).Select(d => d.Path).SequenceEqual(documents, StringComparer.Ordinal))
        {
            return;
        }

        round.Documents.RemoveAll(d => !documents.Contains(d.Path));
        for (var i = 0; i < documents.Count; i++)
        {
            if (round.Documents.FirstOrDefault(d => d.Path == documents[i]) is { } kept)
            {
                kept.Position = i;
            }
            else
            {
                round.Documents.Add(new ReportRoundDocument { Path = documents[i], Position = i });
            }
        }

        round.UpdatedUtc = Now;
        context.Changes++;
    }

    /// <summary>The units' reports the recipe gives (sample answers), written as the app would have saved them.</summary>
    private async Task AnswersAsync(RecipeStepContext context, ReportRound round, JsonObject json, string path, CancellationToken ct)
    {
        if (RecipeJson.OptionalArray(json, "Reports", path) is not { } array || array.Count == 0)
        {
            return;
        }

        var reportsPath = RecipeJson.Child(path, "Reports");
        if (round.State == ReportRoundState.Draft)
        {
            throw new RecipeStepException(reportsPath, "A round in Draft cannot have reports: units answer a round once it is Open (or Closed).");
        }

        var leaves = UnitReports.Sections(ReportJson.ReadOutline(round.OutlineJson)).Select(s => s.Section).ToList();
        var indicators = ReportJson.ReadIndicators(round.IndicatorsJson);
        var importer = await ImporterAsync(ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, itemPath) in RecipeJson.Objects(array, reportsPath))
        {
            var organizationId = RecipeJson.RequiredString(item, "Organization", itemPath);
            var unit = round.Units.FirstOrDefault(u => u.OrganizationId == organizationId)
                ?? throw new RecipeStepException(RecipeJson.Child(itemPath, "Organization"), $"'{organizationId}' is not a unit asked by the round '{round.Key}'.");
            if (!seen.Add(organizationId))
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "Organization"), $"The report of '{organizationId}' appears twice.");
            }

            var stateText = RecipeJson.RequiredString(item, "State", itemPath);
            if (!Enum.TryParse<UnitReportState>(stateText, false, out var state) || !Enum.IsDefined(state) || state == UnitReportState.NotStarted)
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "State"), $"Unknown report state '{stateText}'. Known states: Draft, Submitted, Returned, Accepted.");
            }

            var submitted = state != UnitReportState.Draft;
            var texts = Texts(item, itemPath, organizationId, leaves, submitted);
            var values = Values(item, itemPath, organizationId, indicators, submitted);

            DateTime? Time(JsonObject from, string name, string at)
            {
                if (RecipeJson.OptionalString(from, name, at) is not { } text)
                {
                    return null;
                }

                return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    ? time.UtcDateTime
                    : throw new RecipeStepException(RecipeJson.Child(at, name), $"'{text}' is not a date and time with its offset such as 2023-03-08T16:30:00+07:00.");
            }

            var submittedUtc = Time(item, "Submitted", itemPath);
            if (submitted && submittedUtc is null)
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "Submitted"), $"The report of '{organizationId}' is {state}: give when it was submitted ('Submitted').");
            }

            if (!submitted && submittedUtc is not null)
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "Submitted"), $"The report of '{organizationId}' is a draft: it has no submission time.");
            }

            var savedUtc = Time(item, "Saved", itemPath) ?? submittedUtc?.AddHours(-2) ?? Now;
            if (submittedUtc is { } s && savedUtc > s)
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "Saved"), $"The draft of '{organizationId}' is saved after its submission.");
            }

            var (evidenceJson, nominationsJson) = await AttachmentsAsync(item, itemPath, organizationId, round, submitted, ct);
            var author = await UserAsync(item, "SubmittedBy", itemPath, importer, ct);
            var review = RecipeJson.OptionalObject(item, "Review", itemPath);
            var reviewPath = RecipeJson.Child(itemPath, "Review");
            if (review is not null && state is not (UnitReportState.Returned or UnitReportState.Accepted))
            {
                throw new RecipeStepException(reviewPath, $"Only a Returned or Accepted report has a decision ('{organizationId}' is {state}).");
            }

            UnitReportReview? decision = null;
            if (state is UnitReportState.Returned or UnitReportState.Accepted)
            {
                var reason = review is null ? null : RecipeJson.OptionalString(review, "Reason", reviewPath)?.Trim().Normalize();
                if (state == UnitReportState.Returned && string.IsNullOrEmpty(reason))
                {
                    throw new RecipeStepException(reviewPath, $"A returned report needs the reason ('Review': {{ 'Reason': … }}) — '{organizationId}'.");
                }

                if (reason is { Length: > UnitReportReviewService.MaxReasonLength })
                {
                    throw new RecipeStepException(RecipeJson.Child(reviewPath, "Reason"), $"The reason is longer than {UnitReportReviewService.MaxReasonLength} characters.");
                }

                var sectionKeys = review is null ? [] : RecipeJson.Strings(RecipeJson.OptionalArray(review, "Sections", reviewPath), RecipeJson.Child(reviewPath, "Sections"));
                if (sectionKeys.FirstOrDefault(k => leaves.All(l => l.Key != k)) is { } unknown)
                {
                    throw new RecipeStepException(RecipeJson.Child(reviewPath, "Sections"), $"'{unknown}' is not a section of the round's outline.");
                }

                var decidedUtc = (review is null ? null : Time(review, "Decided", reviewPath)) ?? submittedUtc!.Value;
                if (decidedUtc < submittedUtc)
                {
                    throw new RecipeStepException(RecipeJson.Child(reviewPath, "Decided"), $"The decision on '{organizationId}' comes before its submission.");
                }

                var reviewer = review is null ? importer : await UserAsync(review, "By", reviewPath, importer, ct);
                decision = new UnitReportReview
                {
                    VersionNumber = 2,
                    Decision = state == UnitReportState.Returned ? UnitReportDecision.Returned : UnitReportDecision.Accepted,
                    Reason = state == UnitReportState.Returned ? reason : null,
                    SectionKeys = state == UnitReportState.Returned && sectionKeys.Count > 0 ? string.Join(',', sectionKeys.Distinct(StringComparer.Ordinal)) : null,
                    DecidedUtc = decidedUtc,
                    UserId = reviewer.Id,
                    UserName = reviewer.Name,
                };
            }

            // Matched by round and organisation: an existing report is the unit's own and stays as it is.
            if (unit.ReportContentItemId is not null
                || await db.Set<UnitReport>().AnyAsync(r => r.RoundId == round.Id && r.OrganizationId == organizationId, ct))
            {
                continue;
            }

            var sectionsJson = UnitReports.WriteMap(texts);
            var valuesJson = UnitReports.WriteMap(values);
            var report = new UnitReport
            {
                Id = IdGenerator.NewId(),
                RoundId = round.Id,
                OrganizationId = organizationId,
                SectionsJson = sectionsJson,
                ValuesJson = valuesJson,
                EvidenceJson = evidenceJson,
                NominationsJson = nominationsJson,
                Version = submitted ? 2 : 1,
                CreatedUtc = savedUtc,
                CreatedByUserId = author.Id,
                ModifiedUtc = submittedUtc ?? savedUtc,
                ModifiedByUserId = author.Id,
            };
            db.Add(report);
            db.Add(new UnitReportVersion
            {
                ReportId = report.Id, Number = 1, Kind = UnitReportVersionKind.Draft, SectionsJson = sectionsJson, ValuesJson = valuesJson,
                EvidenceJson = evidenceJson, NominationsJson = nominationsJson,
                SavedUtc = savedUtc, UserId = author.Id, UserName = author.Name,
            });
            if (submitted)
            {
                db.Add(new UnitReportVersion
                {
                    ReportId = report.Id, Number = 2, Kind = UnitReportVersionKind.Submitted, SectionsJson = sectionsJson, ValuesJson = valuesJson,
                EvidenceJson = evidenceJson, NominationsJson = nominationsJson,
                    SavedUtc = submittedUtc!.Value, UserId = author.Id, UserName = author.Name,
                });
            }

            if (decision is not null)
            {
                decision.ReportId = report.Id;
                db.Add(decision);
            }

            unit.ReportContentItemId = report.Id;
            unit.ReportState = state;
            unit.SubmittedUtc = submittedUtc;
            unit.StateChangedUtc = decision?.DecidedUtc ?? submittedUtc ?? savedUtc;
            context.Changes++;
        }

    }

    /// <summary>The section texts: outline keys only, trimmed, each within the limit; a submitted report has every leaf section.</summary>
    private static Dictionary<string, string> Texts(JsonObject item, string itemPath, string organizationId, IReadOnlyList<OutlineSection> sections, bool submitted)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var sectionsPath = RecipeJson.Child(itemPath, "Sections");
        foreach (var (key, node) in RecipeJson.OptionalObject(item, "Sections", itemPath) ?? new JsonObject())
        {
            if (sections.All(s => s.Key != key))
            {
                throw new RecipeStepException(RecipeJson.Child(sectionsPath, key), $"'{organizationId}': '{key}' is not a section of the round's outline.");
            }

            var text = (node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null)
                ?? throw new RecipeStepException(RecipeJson.Child(sectionsPath, key), $"'{key}' must be a string.");
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Normalize();
            if (text.Length > UnitReports.MaxSectionLength)
            {
                throw new RecipeStepException(RecipeJson.Child(sectionsPath, key), $"'{organizationId}': the section '{key}' is longer than {UnitReports.MaxSectionLength} characters.");
            }

            if (text.Length > 0)
            {
                texts[key] = text;
            }
        }

        if (submitted && sections.FirstOrDefault(s => s.Children.Count == 0 && !texts.ContainsKey(s.Key)) is { } missing)
        {
            throw new RecipeStepException(sectionsPath, $"'{organizationId}': a submitted report needs a text in the section '{missing.Key}'.");
        }

        return texts;
    }

    /// <summary>The values, checked as a unit's save checks them and required in their stored form (e.g. 1250, 85.5, true).</summary>
    private Dictionary<string, string> Values(JsonObject item, string itemPath, string organizationId, IReadOnlyList<IndicatorDefinition> indicators, bool submitted)
    {
        var valuesPath = RecipeJson.Child(itemPath, "Values");
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, node) in RecipeJson.OptionalObject(item, "Values", itemPath) ?? new JsonObject())
        {
            given[key] = node is JsonValue value && value.TryGetValue<string>(out var s)
                ? s
                : throw new RecipeStepException(RecipeJson.Child(valuesPath, key), $"'{key}' must be a string.");
        }

        var answers = validator.ValidateAnswers(indicators, given, submitted ? AnswerCompleteness.Submission : AnswerCompleteness.Draft);
        if (answers.Errors.Count > 0)
        {
            var error = answers.Errors[0];
            throw new RecipeStepException(RecipeJson.Child(valuesPath, error.Key), $"'{organizationId}', indicator '{error.Key}': {error.Message}");
        }

        foreach (var (key, stored) in answers.Values)
        {
            if (given.GetValueOrDefault(key)?.Trim() != stored)
            {
                throw new RecipeStepException(RecipeJson.Child(valuesPath, key), $"'{organizationId}', indicator '{key}': write the value as stored, '{stored}'.");
            }
        }

        return answers.Values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The evidence and nominations, checked as a unit's save checks them (<see cref="UnitReportAttachmentsService"/>): files
    /// of the unit's library (a media step of this recipe may have written them), items of its organisation, collective
    /// nominations of the unit or below, the round's limits, and on a submitted report each nomination's achievement report.
    /// </summary>
    private async Task<(string Evidence, string Nominations)> AttachmentsAsync(JsonObject item, string itemPath, string organizationId,
        ReportRound round, bool submitted, CancellationToken ct)
    {
        IReadOnlyList<EvidenceEntry> evidence = [];
        IReadOnlyList<NominationEntry> nominations = [];
        if (RecipeJson.OptionalArray(item, "Evidence", itemPath) is { } evidenceArray)
        {
            try
            {
                evidence = UnitReportAttachments.ReadEvidence(evidenceArray.ToJsonString());
            }
            catch (JsonException e)
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "Evidence"), "The evidence is not an array of { Kind (File or LibraryItem), Target, Caption?, SectionKey? }: " + e.Message);
            }
        }

        if (RecipeJson.OptionalArray(item, "Nominations", itemPath) is { } nominationsArray)
        {
            try
            {
                nominations = UnitReportAttachments.ReadNominations(nominationsArray.ToJsonString());
            }
            catch (JsonException e)
            {
                throw new RecipeStepException(RecipeJson.Child(itemPath, "Nominations"), "The nominations are not an array of { Kind (Collective or Individual), OrganizationId? | Name, Position?, Organisation?, FilePath? }: " + e.Message);
            }
        }

        if (evidence.Count == 0 && nominations.Count == 0)
        {
            return ("[]", "[]");
        }

        var input = new UnitReportAttachmentsInput(evidence, nominations);
        var existing = new List<string>();
        foreach (var path in UnitReportAttachmentsService.FilePaths(input))
        {
            if (await recipeMedia.ExistsAsync(path, ct))
            {
                existing.Add(path);
            }
        }

        var owned = (await media.OwnedByItemAsync(organizationId, existing, ct)).ToHashSet(StringComparer.Ordinal);
        var (checkedInput, errors) = await attachments.CheckAsync(organizationId, ReportJson.ReadOutline(round.OutlineJson), round.CollectiveNominations,
            round.IndividualNominations, input, submitted, owned, Path.GetFileName, ct);
        if (errors.Count > 0)
        {
            var error = errors[0];
            var at = error.Field == UnitReportAttachments.FileField || error.Field == UnitReportAttachments.ItemField ? "Evidence" : "Nominations";
            throw new RecipeStepException(RecipeJson.Child(itemPath, at), $"'{organizationId}', evidence and nominations: {T[error.Message, error.Args].Value}");
        }

        return (UnitReportAttachments.Write(checkedInput.Evidence), UnitReportAttachments.Write(checkedInput.Nominations));
    }

    private sealed record Author(string Id, string Name);

    /// <summary>The user the recipe names (a user name), else the importer.</summary>
    private async Task<Author> UserAsync(JsonObject json, string name, string path, Author importer, CancellationToken ct)
    {
        if (RecipeJson.OptionalString(json, name, path) is not { } userName)
        {
            return importer;
        }

        return await users.FindIdAsync(userName, ct) is { } id
            ? new Author(id, userName.Trim())
            : throw new RecipeStepException(RecipeJson.Child(path, name), $"No user has the user name '{userName}'.");
    }

    /// <summary>The signed-in user who imports the recipe, else <see cref="SystemUser"/> (the setup recipes).</summary>
    private async Task<Author> ImporterAsync(CancellationToken ct)
        => http.HttpContext?.User is { Identity.IsAuthenticated: true } principal && await scopes.GetAsync(principal, ct) is { } scope
            ? new Author(scope.UserId, scope.UserName)
            : new Author(SystemUser, SystemUser);
}
