using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.EntityFrameworkCore;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Reads the daily counts for the statistics page and its exports, within the user's scope: a user sees the counts of the
/// items of their unit and the units below it (a district curator, their district's units), administrators and the
/// Department also those of items that belong to no unit; a district filter narrows to that district office's subtree.
/// Sums are made by the database (per item and unit, per day); months, names and empty rows are added here.
/// </summary>
public sealed class AnalyticsQueryService(DbContext db, IOrganizationService organizations, IContentQueryService queries, IContentManager contents)
{
    public async Task<AnalyticsReport> GetAsync(UserScope scope, AnalyticsFilter filter, CancellationToken ct = default)
    {
        var units = await organizations.ListAsync(ct);
        var byId = units.ToDictionary(o => o.Id, StringComparer.Ordinal);

        // The units whose counts may be read (null: all), and whether items of no unit are read too.
        HashSet<string>? allowed = scope.IsAdministrator ? null : new HashSet<string>(scope.OrganizationIds, StringComparer.Ordinal);
        var unassigned = scope.SeesUnassigned;
        if (filter.DistrictId is { } district)
        {
            var subtree = await organizations.GetSubtreeIdsAsync(district, ct);
            allowed = allowed is null ? new HashSet<string>(subtree, StringComparer.Ordinal) : allowed.Intersect(subtree).ToHashSet(StringComparer.Ordinal);
            unassigned = false;
        }

        var rows = db.Set<ContentDailyCount>().AsNoTracking().Where(c => c.Day >= filter.From && c.Day <= filter.To);
        if (allowed is not null)
        {
            var list = allowed.ToList();
            rows = unassigned
                ? rows.Where(c => c.OrganizationId == null || list.Contains(c.OrganizationId))
                : rows.Where(c => c.OrganizationId != null && list.Contains(c.OrganizationId));
        }
        else if (!unassigned)
        {
            rows = rows.Where(c => c.OrganizationId != null);
        }

        var perItemUnit = await rows
            .GroupBy(c => new { c.ContentItemId, c.OrganizationId })
            .Select(g => new { g.Key.ContentItemId, g.Key.OrganizationId, Views = g.Sum(c => c.Views), Downloads = g.Sum(c => c.Downloads) })
            .ToListAsync(ct);
        var perDay = await rows
            .GroupBy(c => c.Day)
            .Select(g => new { Day = g.Key, Views = g.Sum(c => c.Views), Downloads = g.Sum(c => c.Downloads) })
            .ToListAsync(ct);

        // Items: an item counted under two units in the period (it moved) is shown once, under the unit of most of its views.
        var ids = perItemUnit.Select(r => r.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
        var titles = await CountedItems.GetAsync(queries, contents, ids, ct);
        var items = perItemUnit
            .GroupBy(r => r.ContentItemId, StringComparer.Ordinal)
            .Select(g =>
            {
                var unit = g.OrderByDescending(r => r.Views).ThenByDescending(r => r.Downloads).First().OrganizationId;
                var title = titles.GetValueOrDefault(g.Key);
                return new ItemCounts(g.Key, string.IsNullOrWhiteSpace(title?.DisplayText) ? g.Key : title.DisplayText, title?.ContentType, unit,
                    unit is null ? null : NameOf(byId, unit), g.Sum(r => r.Views), g.Sum(r => r.Downloads));
            })
            .OrderByDescending(i => i.Views).ThenByDescending(i => i.Downloads).ThenBy(i => i.Title, StringComparer.CurrentCulture)
            .ToList();

        // Units: every active unit the filter covers (the Department, district offices, schools; not clusters), with zeros when nothing was read.
        var counted = perItemUnit.GroupBy(r => r.OrganizationId ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Items: g.Select(r => r.ContentItemId).Distinct(StringComparer.Ordinal).Count(), Views: g.Sum(r => r.Views), Downloads: g.Sum(r => r.Downloads)), StringComparer.Ordinal);
        var unitIds = units.Where(o => o.Active && o.Kind != OrganizationKind.Cluster && (allowed is null || allowed.Contains(o.Id))).Select(o => o.Id)
            .Concat(counted.Keys.Where(k => k.Length > 0))
            .Distinct(StringComparer.Ordinal);
        var unitRows = unitIds
            .Select(id =>
            {
                var c = counted.GetValueOrDefault(id);
                return new UnitCounts(id, NameOf(byId, id), DistrictOf(byId, id), c.Items, c.Views, c.Downloads);
            })
            .ToList();
        if (counted.TryGetValue("", out var none))
        {
            unitRows.Add(new UnitCounts(null, "", null, none.Items, none.Views, none.Downloads));
        }

        unitRows = unitRows.OrderByDescending(u => u.Views).ThenByDescending(u => u.Downloads)
            .ThenBy(u => u.OrganizationId is null).ThenBy(u => u.UnitName, StringComparer.CurrentCulture).ToList();

        return new AnalyticsReport(filter, items, unitRows, Series(filter, perDay.ToDictionary(d => d.Day, d => (d.Views, d.Downloads))));
    }

    /// <summary>Every day or month of the period, in order, zeros where nothing was counted.</summary>
    internal static IReadOnlyList<PeriodCounts> Series(AnalyticsFilter filter, IReadOnlyDictionary<DateOnly, (long Views, long Downloads)> perDay)
    {
        var series = new List<PeriodCounts>();
        var start = filter.From;
        while (start <= filter.To)
        {
            var end = filter.Granularity == AnalyticsGranularity.Month
                ? new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1)
                : start;
            if (end > filter.To)
            {
                end = filter.To;
            }

            long views = 0, downloads = 0;
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                if (perDay.TryGetValue(day, out var counts))
                {
                    views += counts.Views;
                    downloads += counts.Downloads;
                }
            }

            series.Add(new PeriodCounts(start, end, views, downloads));
            start = end.AddDays(1);
        }

        return series;
    }

    private static string NameOf(Dictionary<string, Organization> byId, string id)
        => byId.TryGetValue(id, out var unit) ? unit.ShortName ?? unit.Name : id;

    /// <summary>The short name of the district office a unit is in (none for the Department and units outside a district).</summary>
    private static string? DistrictOf(Dictionary<string, Organization> byId, string id)
    {
        for (var (current, hops) = (byId.GetValueOrDefault(id), 0); current is not null && hops < 32; current = current.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null, hops++)
        {
            if (current.Kind == OrganizationKind.DistrictOffice)
            {
                return current.ShortName ?? current.Name;
            }
        }

        return null;
    }
}
