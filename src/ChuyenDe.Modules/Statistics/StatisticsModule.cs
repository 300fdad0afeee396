using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// Statistics (thống kê) at <c>/admin/thong-ke</c>: the published items, exemplary products and model sites, the
/// review funnel and the report rounds' indicators across rounds, in the user's scope, each table with its chart and
/// downloads. Other modules add sections through <see cref="IStatisticsSection"/>.
/// </summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatisticsModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, StatisticsPermissions>();
        services.AddScoped<StatisticsService>();
        services.AddScoped<StatisticsContentFacts>();
        services.AddScoped<StatisticsAxes>();
        services.AddScoped<IStatisticsSection, PublishedItemsSection>();
        services.AddScoped<IStatisticsSection, RecognitionSection>();
        services.AddScoped<IStatisticsSection, ReviewFunnelSection>();
        services.AddScoped<IStatisticsSection, IndicatorTrendsSection>();
        services.AddSingleton<StatisticsXlsxWriter>();
        services.AddSingleton<StatisticsCsvWriter>();
        services.AddSingleton<IAdminMenuProvider, StatisticsAdminMenu>();
        return services;
    }
}

internal sealed class StatisticsAdminMenu(IStringLocalizer<StatisticsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Statistics"], T["Statistics"], StatisticsController.Base, StatisticsPermissions.ViewStatistics, 550),
    ];
}
