using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// Private counting of the views of public item pages and the downloads of their files, per item and day
/// (<see cref="ViewCounter"/>, <see cref="ContentDailyCount"/>), and the statistics page <c>/admin/thong-ke/luot-xem</c>.
/// See docs/analytics.md.
/// </summary>
public static class AnalyticsModule
{
    public static IServiceCollection AddAnalyticsModule(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<ViewCountFlusher>();
        services.AddHostedService<ViewCountFlushWorker>();
        services.AddScoped<ContentDailyCounts>();
        services.AddScoped<AnalyticsQueryService>();
        services.AddSingleton<IMediaDownloadObserver, DownloadCounting>();
        services.AddSingleton<IAdminMenuProvider, AnalyticsAdminMenu>();
        services.AddScoped<ChuyenDe.Modules.Statistics.IStatisticsSection, ViewsStatisticsSection>();
        return services;
    }

    /// <summary>
    /// Counts the views of item pages; first in the pipeline after transport security and errors, before HEAD is turned
    /// into GET and before the page caches answer (<see cref="ViewCountingMiddleware"/>).
    /// </summary>
    public static IApplicationBuilder UseViewCounting(this IApplicationBuilder app)
        => app.UseMiddleware<ViewCountingMiddleware>();
}

internal sealed class AnalyticsAdminMenu(IStringLocalizer<AnalyticsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Statistics"], T["Page views and downloads"], AnalyticsAdminController.Base, ChuyenDe.Modules.Statistics.StatisticsPermissions.ViewStatistics, 610),
    ];
}
