using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Statistics;

/// <summary>The permission of the statistics page; other modules and views name it through this constant.</summary>
public sealed class StatisticsPermissions : IPermissionProvider
{
    /// <summary>See the statistics of the units in one's scope at <c>/admin/thong-ke</c> and download their tables and charts.</summary>
    public const string ViewStatistics = nameof(ViewStatistics);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewStatistics, "See the statistics of the units in scope and download their tables and charts"),
    ];
}
