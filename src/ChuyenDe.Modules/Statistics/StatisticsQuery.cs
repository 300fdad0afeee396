using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// What a statistics section counts: the signed-in user's scope, the filters, the period in UTC (<see cref="FromUtc"/>
/// included, <see cref="ToUtc"/> excluded: the day after the end date, at midnight in the site's time zone) and the
/// units counted — those of the user's scope (their unit and everything below it), narrowed to one district office's
/// subtree when the filter names one.
/// </summary>
public sealed record StatisticsQuery(
    UserScope Scope,
    StatisticsFilter Filter,
    DateTime? FromUtc,
    DateTime? ToUtc,
    IReadOnlyList<Organization> Organizations,
    IReadOnlySet<string>? DistrictSubtree)
{
    private Dictionary<string, Organization>? _byId;

    private Dictionary<string, Organization> ById => _byId ??= Organizations.ToDictionary(o => o.Id, StringComparer.Ordinal);

    /// <summary>Whether an item or transition of this unit (null = no unit) is counted.</summary>
    public bool Includes(string? organizationId)
        => Scope.InScope(organizationId) && (DistrictSubtree is null || (organizationId is not null && DistrictSubtree.Contains(organizationId)));

    public bool InPeriod(DateTime? utc)
        => (FromUtc is null || (utc is not null && utc >= FromUtc)) && (ToUtc is null || (utc is not null && utc < ToUtc));

    public Organization? Find(string? id) => id is not null && ById.TryGetValue(id, out var o) ? o : null;

    /// <summary>The district office of a unit (itself when it is one), or null for the Department and units outside any district.</summary>
    public Organization? DistrictOf(string? organizationId)
    {
        var current = Find(organizationId);
        for (var guard = 0; current is not null && guard < 32; guard++)
        {
            if (current.Kind == OrganizationKind.DistrictOffice)
            {
                return current;
            }

            current = Find(current.ParentId);
        }

        return null;
    }

    /// <summary>The units counted, in tree order.</summary>
    public IEnumerable<Organization> CountedUnits => Organizations.Where(o => Includes(o.Id));
}
