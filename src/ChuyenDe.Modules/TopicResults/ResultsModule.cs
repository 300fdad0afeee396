using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.TopicResults;

/// <summary>
/// Published results (kết quả): pages a Department curator composes from a report round's figures — charts with
/// their tables — and publishes at <c>/ket-qua</c>; the admin at <c>/admin/ket-qua</c> and the <c>ResultsPages</c> recipe step.
/// </summary>
public static class ResultsModule
{
    /// <summary>The tag of every public results page and chart download, evicted by any change of a results page.</summary>
    public const string CacheTag = "results";

    public static IServiceCollection AddResultsModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, ResultsPermissions>();
        services.AddScoped<ResultsPageService>();
        services.AddScoped<RoundFigures>();
        services.AddScoped<ChuyenDe.Modules.Library.Sitemaps.ISitemapSource, ResultsSitemapSource>();
        services.AddScoped<IRecipeStepHandler, ResultsStep>();
        services.AddSingleton<IAdminMenuProvider, ResultsAdminMenu>();
        services.AddPageCacheDependency<ResultsPage>(_ => [CacheTag]);
        return services;
    }
}

internal sealed class ResultsAdminMenu(IStringLocalizer<ResultsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Reports"], T["Results pages"], ResultsAdminController.Base, ResultsPermissions.PublishResults, 530),
    ];
}
