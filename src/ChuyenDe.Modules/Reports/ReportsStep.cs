using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Settings;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// Our own step <c>Reports</c>: <c>Templates</c>, an array of <c>{ Key, Name, Description?, BuiltIn?, Outline, Indicators }</c>,
/// and <c>Rounds</c>, an array of <c>{ Key, Title, SchoolYear?, Guidance?, Owner, Template? | Outline + Indicators,
/// Deadline? (site time, "2023-03-10T17:00"), UnitsRule? (Manual, DistrictOffices, Schools), Units?, CollectiveNominations?,
/// IndividualNominations?, State?, ParentRound? }</c>. Outlines and indicators are written as stored (<see cref="ReportJson"/>)
/// and checked as the admin checks them. Both are matched by key: a second run changes nothing that is equal.
/// </summary>
internal sealed class ReportsStep(DbContext db, IOrganizationService organizations, ISiteSettingsService settings, TimeProvider clock) : IRecipeStepHandler
{
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
            await RoundAsync(context, json, path, ct);
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

    private static string Describe(FormError error) => string.Format(CultureInfo.InvariantCulture, error.Message, error.Args);

    private static IReadOnlyList<OutlineSection> Outline(JsonObject json, string path)
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

    private static IReadOnlyList<IndicatorDefinition> Indicators(JsonObject json, string path)
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

    private async Task RoundAsync(RecipeStepContext context, JsonObject json, string path, CancellationToken ct)
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

        var round = await db.Set<ReportRound>().Include(r => r.Units).FirstOrDefaultAsync(r => r.Key == key, ct);
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
    }
}
