using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// Builds the statistics of a user's query: reads the filters against what the user may see (a district office
/// outside their scope, or a type that is not counted, is left out with a message), turns the period's local dates
/// into UTC bounds (site time zone), and asks every <see cref="IStatisticsSection"/> in order.
/// </summary>
public sealed class StatisticsService(
    IEnumerable<IStatisticsSection> sections,
    IOrganizationService organizations,
    ISiteSettingsService siteSettings,
    IContentDefinitionManager definitions)
{
    public async Task<StatisticsPage> BuildAsync(UserScope scope, StatisticsFilter filter, CancellationToken ct)
    {
        var problems = filter.Problems.ToList();
        var all = await organizations.ListAsync(ct);
        var districts = all.Where(o => o.Kind == OrganizationKind.DistrictOffice && scope.InScope(o.Id)).ToList();
        IReadOnlySet<string>? subtree = null;
        if (filter.DistrictId is { } districtId)
        {
            if (districts.Any(d => d.Id == districtId))
            {
                subtree = await organizations.GetSubtreeIdsAsync(districtId, ct);
            }
            else
            {
                problems.Add("There is no such district office in your scope; all are shown.");
                filter = filter with { DistrictId = null };
            }
        }

        var types = StatisticsContentFacts.Counted(await definitions.ListTypeDefinitionsAsync(ct)).Select(t => (t.Name, t.DisplayName)).ToList();
        if (filter.ContentType is { } type && types.All(t => t.Name != type))
        {
            problems.Add("There is no such content type; all are shown.");
            filter = filter with { ContentType = null };
        }

        var site = await siteSettings.GetAsync(ct);
        var query = new StatisticsQuery(scope, filter, ToUtc(filter.From, site), ToUtc(filter.To?.AddDays(1), site), all, subtree);
        var built = new List<StatisticsSection>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.BuildAsync(query, ct) is { } result)
            {
                built.Add(result);
            }
        }

        return new StatisticsPage(query, built, districts, types, problems);
    }

    /// <summary>Midnight of a local date in the site's time zone, in UTC.</summary>
    private static DateTime? ToUtc(DateOnly? date, SiteSettings site)
        => date is { } d ? TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), site.TimeZone) : null;
}
