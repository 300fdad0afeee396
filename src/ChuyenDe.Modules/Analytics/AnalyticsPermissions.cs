using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Analytics;

/// <summary>The permissions of the view and download statistics; views and other modules name them through these constants.</summary>
public sealed class AnalyticsPermissions : IPermissionProvider
{
    /// <summary>See the statistics of the units in one's scope (page views and downloads per item and unit) and export them.</summary>
    public const string ViewStatistics = nameof(ViewStatistics);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewStatistics, "See the statistics of the units in scope"),
    ];
}
