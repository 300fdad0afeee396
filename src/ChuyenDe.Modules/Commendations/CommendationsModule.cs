using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Commendations;

/// <summary>Marker for the Commendations module's UI strings (<c>CommendationsResources.vi.resx</c>).</summary>
public sealed class CommendationsResources;

/// <summary>
/// Commendations (khen thưởng): decisions and their recipients at <c>/admin/khen-thuong</c>, the report rounds'
/// nominations as proposals, the public honour roll <c>/guong-dien-hinh</c>, the "commended" badge of items, the
/// <c>Commendations</c> recipe step, and <see cref="ICommendationQuery"/> for the pages of units.
/// </summary>
public static class CommendationsModule
{
    public static IServiceCollection AddCommendationsModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, CommendationPermissions>();
        services.AddScoped<CommendationService>();
        services.AddScoped<CommendationProposalService>();
        services.AddScoped<HonourRollService>();
        services.AddScoped<ICommendationQuery, CommendationQuery>();
        services.AddScoped<IContentBadgeSource, CommendationBadges>();
        services.AddScoped<ChuyenDe.Modules.Library.Units.IUnitPageSection, CommendationsUnitSection>();
        services.AddScoped<ChuyenDe.Modules.Library.Sitemaps.ISitemapSource, HonourRollSitemapSource>();
        services.AddScoped<IRecipeStepHandler, CommendationsStep>();
        services.AddSingleton<IAdminMenuProvider, CommendationsAdminMenu>();
        services.AddPageCacheDependency<CommendationDecision>(_ => [CommendationCache.Tag]);
        services.AddPageCacheDependency<CommendationRecipient>(_ => [CommendationCache.Tag]);
        services.AddPageCacheDependency<CommendationRecipientItem>(e => [CommendationCache.Tag, CacheTags.Item(e.Entity.ContentItemId)]);
        services.AddReferenceDataDependency<CommendationDecision>(_ => [CommendationQuery.CacheKey]);
        services.AddReferenceDataDependency<CommendationRecipient>(_ => [CommendationQuery.CacheKey]);
        services.AddReferenceDataDependency<CommendationRecipientItem>(_ => [CommendationQuery.CacheKey]);
        return services;
    }
}

internal sealed class CommendationsAdminMenu(IStringLocalizer<CommendationsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Commendations"], T["Commendation decisions"], CommendationsAdminController.Base, CommendationPermissions.ManageCommendations, 600),
        new(T["Commendations"], T["Commendation proposals"], CommendationsAdminController.ProposalsUrl, CommendationPermissions.ManageCommendations, 610),
    ];
}
