using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>One unit asked, as the consolidation counts it: its report's state and, when counted, the values and texts of its latest submission.</summary>
public sealed record ConsolidatedUnit(string Key, string Name, UnitReportState State, bool Counted, ConsolidationUnit Export);

/// <summary>A district office and the units grouped under it (key "" = units without a district office), with the figures of all of them.</summary>
public sealed record ConsolidatedGroup(string Key, string Name, IReadOnlyList<ConsolidatedUnit> Units, AddedUpNode Figures);

/// <summary>
/// One level of a consolidation: the units in display order (grouped per district office when any unit has one), the
/// figures of each group and the overall figures, each added up from all the units below it (<see cref="IndicatorAddUp.AddUpTree"/>),
/// and the writers' input for the downloads.
/// </summary>
public sealed record ConsolidationLevel(
    string UnitLevelName,
    bool IsGrouped,
    IReadOnlyList<ConsolidatedGroup> Groups,
    AddedUpNode Overall,
    int Counted,
    ConsolidationInput Input)
{
    public IReadOnlyList<ConsolidatedUnit> Units => Groups.SelectMany(g => g.Units).ToList();
}

/// <summary>The consolidation of a round: its indicators, the units' own level and, for a round that asked district offices, their schools' level (linked rounds).</summary>
public sealed record RoundConsolidation(
    ReportRound Round,
    IReadOnlyList<OutlineSection> Outline,
    IReadOnlyList<IndicatorDefinition> Indicators,
    ConsolidationLevel Main,
    ConsolidationLevel? Schools,
    int LinkedRounds);

/// <summary>
/// The consolidation of a round (<c>/admin/bao-cao/{id}/tong-hop</c> and its XLSX/CSV/DOCX downloads): every unit asked
/// with the values and texts of its <b>latest submitted version</b> when its report stands <c>Submitted</c> or
/// <c>Accepted</c>; a draft, a report never submitted and a <b>returned</b> report (even its earlier submission) are not
/// counted — the unit is shown as not submitted. Units that are schools are grouped per district office. For a round that
/// asked district offices, the schools' level reads the linked rounds (<see cref="ReportRound.ParentRoundId"/>) the same
/// way, grouped per district, over the parent round's indicators (matched by key).
/// Scope: holders of ViewConsolidations see rounds owned by their unit or a unit below it; administrators every round.
/// </summary>
public sealed class ReportConsolidationService(DbContext db, IOrganizationService organizations, IStringLocalizer<ConsolidationResources> t)
{

    /// <summary>The round when the actor may see its consolidation; null when unknown or out of scope.</summary>
    public Task<ReportRound?> FindAsync(UserScope actor, int id, CancellationToken ct)
    {
        var rounds = db.Set<ReportRound>().AsNoTracking().Include(r => r.Units);
        if (actor.IsAdministrator)
        {
            return rounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        }

        if (!actor.Has(ReportPermissions.ViewConsolidations))
        {
            return Task.FromResult<ReportRound?>(null);
        }

        var ids = actor.OrganizationIds.ToList();
        return rounds.FirstOrDefaultAsync(r => r.Id == id && ids.Contains(r.OwnerOrganizationId), ct);
    }

    public async Task<RoundConsolidation> ConsolidateAsync(ReportRound round, CancellationToken ct)
    {
        var all = await organizations.ListAsync(ct);
        var byId = all.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var order = all.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var outline = ReportJson.ReadOutline(round.OutlineJson);
        var indicators = ReportJson.ReadIndicators(round.IndicatorsJson);

        var units = await db.Set<ReportRoundUnit>().AsNoTracking().Where(u => u.RoundId == round.Id).ToListAsync(ct);
        var counted = await CountedAsync(units, ct);
        var asksDistricts = units.Count > 0 && units.All(u => byId.TryGetValue(u.OrganizationId, out var o) && o.Kind == OrganizationKind.DistrictOffice);
        var main = Level(round.Title, outline, indicators, units, counted, byId, order, asksDistricts ? t["District education office"].Value : null);

        ConsolidationLevel? schools = null;
        var linkedCount = 0;
        if (units.Any(u => byId.TryGetValue(u.OrganizationId, out var o) && o.Kind == OrganizationKind.DistrictOffice))
        {
            var parentId = round.Id;
            var linked = (await db.Set<ReportRound>().AsNoTracking().Where(r => r.ParentRoundId == parentId).ToListAsync(ct))
                .GroupBy(r => r.OwnerOrganizationId, StringComparer.Ordinal).Select(g => g.OrderBy(r => r.Id).First()).ToList();
            linkedCount = linked.Count;
            if (linked.Count > 0)
            {
                var linkedIds = linked.Select(r => r.Id).ToList();
                var schoolUnits = await db.Set<ReportRoundUnit>().AsNoTracking().Where(u => linkedIds.Contains(u.RoundId)).ToListAsync(ct);
                var schoolCounted = await CountedAsync(schoolUnits, ct);
                schools = Level(round.Title, outline, indicators, schoolUnits, schoolCounted, byId, order, t["School"].Value, forceGroups: true);
            }
        }

        return new RoundConsolidation(round, outline, indicators, main, schools, linkedCount);
    }

    /// <summary>
    /// The counted reports' latest submitted version, by the unit row's (round id, organisation id); a counted report
    /// without any recorded submission is read from its row.
    /// </summary>
    private async Task<Dictionary<(int, string), UnitReportVersion>> CountedAsync(IReadOnlyList<ReportRoundUnit> units, CancellationToken ct)
    {
        var reportIds = units
            .Where(u => u.ReportContentItemId != null && u.ReportState is UnitReportState.Submitted or UnitReportState.Accepted)
            .Select(u => u.ReportContentItemId!).ToList();
        if (reportIds.Count == 0)
        {
            return [];
        }

        var numbers = await db.Set<UnitReportVersion>().AsNoTracking()
            .Where(v => reportIds.Contains(v.ReportId) && v.Kind == UnitReportVersionKind.Submitted)
            .Select(v => new { v.Id, v.ReportId, v.Number }).ToListAsync(ct);
        var latestIds = numbers.GroupBy(v => v.ReportId).Select(g => g.MaxBy(v => v.Number)!.Id).ToList();
        var versions = await db.Set<UnitReportVersion>().AsNoTracking().Where(v => latestIds.Contains(v.Id)).ToListAsync(ct);
        var byReport = versions.ToDictionary(v => v.ReportId, StringComparer.Ordinal);

        // A submitted or accepted report is locked, so its row holds what was submitted: read it when no version was
        // recorded (reports brought in by a recipe, say).
        var missing = reportIds.Where(id => !byReport.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var report in await db.Set<UnitReport>().AsNoTracking().Where(r => missing.Contains(r.Id)).ToListAsync(ct))
            {
                byReport[report.Id] = new UnitReportVersion
                {
                    ReportId = report.Id, Number = report.Version, Kind = UnitReportVersionKind.Submitted,
                    ValuesJson = report.ValuesJson, SectionsJson = report.SectionsJson, SavedUtc = report.ModifiedUtc,
                };
            }
        }

        var result = new Dictionary<(int, string), UnitReportVersion>();
        foreach (var unit in units)
        {
            if (unit.ReportContentItemId is { } id && byReport.TryGetValue(id, out var version)
                && unit.ReportState is UnitReportState.Submitted or UnitReportState.Accepted)
            {
                result[(unit.RoundId, unit.OrganizationId)] = version;
            }
        }

        return result;
    }

    private ConsolidationLevel Level(
        string title,
        IReadOnlyList<OutlineSection> outline,
        IReadOnlyList<IndicatorDefinition> indicators,
        IReadOnlyList<ReportRoundUnit> units,
        IReadOnlyDictionary<(int, string), UnitReportVersion> counted,
        IReadOnlyDictionary<string, Organization> byId,
        IReadOnlyDictionary<string, int> order,
        string? levelName,
        bool forceGroups = false)
    {
        var rows = new List<(ConsolidatedUnit Unit, string GroupKey, string GroupName)>();
        foreach (var unit in units.OrderBy(u => order.GetValueOrDefault(u.OrganizationId, int.MaxValue)).ThenBy(u => u.OrganizationId, StringComparer.Ordinal))
        {
            var org = byId.GetValueOrDefault(unit.OrganizationId);
            var district = org?.Kind == OrganizationKind.School ? DistrictOf(org, byId) : null;
            counted.TryGetValue((unit.RoundId, unit.OrganizationId), out var version);
            var values = version is null
                ? new Dictionary<string, string?>(StringComparer.Ordinal)
                : UnitReports.ReadMap(version.ValuesJson).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
            var texts = version is null
                ? new Dictionary<string, string?>(StringComparer.Ordinal)
                : UnitReports.ReadMap(version.SectionsJson).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
            var name = org?.Name ?? unit.OrganizationId;
            var export = new ConsolidationUnit
            {
                Key = unit.OrganizationId,
                Name = name,
                GroupKey = district?.Id,
                GroupName = district?.Name,
                Values = values,
                SectionTexts = texts,
            };
            rows.Add((new ConsolidatedUnit(unit.OrganizationId, name, unit.ReportState, version is not null, export), district?.Id ?? "", export.GroupName ?? ""));
        }

        var grouped = forceGroups || rows.Any(r => r.GroupKey.Length > 0);
        List<(string Key, string Name, List<ConsolidatedUnit> Units)> parts = grouped
            ? rows.GroupBy(r => r.GroupKey, StringComparer.Ordinal)
                .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
                .Select(g => (g.Key, g.Key.Length == 0 ? t["Other units"].Value : g.First().GroupName, g.Select(r => r.Unit).ToList()))
                .ToList()
            : [("", "", rows.Select(r => r.Unit).ToList())];

        static AddUpNode Leaf(ConsolidatedUnit u) => new(u.Key, u.Name, u.Export.Values);
        var root = new AddUpNode("", t["Overall"].Value, null, grouped
            ? parts.Select(p => new AddUpNode(p.Key, p.Name, null, p.Units.Select(Leaf).ToList())).ToList()
            : parts[0].Units.Select(Leaf).ToList());
        var overall = rows.Count == 0
            ? new AddedUpNode("", t["Overall"].Value, 0, IndicatorAddUp.AddUp(indicators, []), [])
            : IndicatorAddUp.AddUpTree(indicators, root);
        var groups = grouped
            ? parts.Select((p, i) => new ConsolidatedGroup(p.Key, p.Name, p.Units, overall.Children[i])).ToList()
            : [new ConsolidatedGroup("", "", parts[0].Units, overall)];

        var input = new ConsolidationInput
        {
            RoundTitle = title,
            Outline = outline,
            Indicators = indicators,
            Units = groups.SelectMany(g => g.Units).Select(u => u.Export).ToList(),
            UnitLevelName = levelName,
        };
        return new ConsolidationLevel(levelName ?? (grouped ? t["School"].Value : t["Unit"].Value), grouped, groups, overall, counted.Count, input);
    }

    /// <summary>The district office above a school (through its parents), if any.</summary>
    private static Organization? DistrictOf(Organization school, IReadOnlyDictionary<string, Organization> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = school.ParentId;
        while (current is not null && seen.Add(current) && byId.TryGetValue(current, out var parent))
        {
            if (parent.Kind == OrganizationKind.DistrictOffice)
            {
                return parent;
            }

            current = parent.ParentId;
        }

        return null;
    }
}
