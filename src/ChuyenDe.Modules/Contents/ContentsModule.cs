using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChuyenDe.Modules.Contents;

public static class ContentsModule
{
    /// <summary>The content engine: definitions, versioned items, validation, queries and scheduled publishing.</summary>
    public static IServiceCollection AddContentsModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ContentsOptions>().BindConfiguration("ChuyenDe:Contents");
        services.AddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddScoped<TaxonomyService>();
        services.AddScoped<IPublishedItemFacts, PublishedItemFacts>();
        services.AddScoped<IPublishedItemStream, PublishedItemStream>();
        services.AddScoped<ITaxonomyService>(sp => sp.GetRequiredService<TaxonomyService>());
        services.AddScoped<IContentEventHandler>(sp => sp.GetRequiredService<TaxonomyService>());
        services.AddScoped<IContentManager, ContentManager>();
        services.AddSingleton<IContentAuthorizer, ContentAuthorizer>();
        services.TryAddSingleton<IReservedPaths, NoReservedPaths>();
        services.AddScoped<IContentLookup, ContentLookup>();
        services.AddScoped<IContentValidator, ContentValidator>();
        // The kinds' rules come from their drivers: the Fields module must be added wherever this module is.
        services.AddScoped<IContentKindRules, ContentKindRules>();
        services.AddScoped<ContentShapes>();
        services.AddScoped<IContentQueryService, ContentQueryService>();
        // A published version shows on its page and on the lists; its change evicts them once committed.
        services.AddPageCacheDependency<ContentItemVersionRecord>(ContentPageTags.Of);
        // A type's display name and its fields show on cards kept per version (Library/CardModels).
        services.AddPageCacheDependency<ContentTypeDefinitionRecord>(_ => [CacheTags.Definitions]);
        services.AddPageCacheDependency<ContentPartDefinitionRecord>(_ => [CacheTags.Definitions]);
        // Definitions and taxonomies are kept across requests (ReferenceDataCache); their changes drop them once saved.
        // The taxonomy types come from the definitions; a taxonomy is any version whose content has the taxonomy part.
        services.AddReferenceDataDependency<ContentTypeDefinitionRecord>(_ => [ContentDefinitionManager.CacheKey, TaxonomyService.CacheKey]);
        services.AddReferenceDataDependency<ContentPartDefinitionRecord>(_ => [ContentDefinitionManager.CacheKey, TaxonomyService.CacheKey]);
        services.AddReferenceDataDependency<ContentItemVersionRecord>(e =>
            ContentParts.MayBeTaxonomy(e.Entity.Content) || (e.State == Microsoft.EntityFrameworkCore.EntityState.Modified && ContentParts.MayBeTaxonomy(e.Property(r => r.Content).OriginalValue))
                ? [TaxonomyService.CacheKey]
                : []);
        // Published items by route and by id are kept across requests for the public pages (ContentQueryService).
        services.AddReferenceDataDependency<ContentRouteRecord>(PublishedContentKeys.OfRoute);
        services.AddReferenceDataDependency<ContentItemVersionRecord>(PublishedContentKeys.OfVersion);
        // The public lists' pages and counts (PublishedLists) are dropped by any change of what is published.
        services.AddReferenceDataDependency<ContentItemVersionRecord>(PublishedContentKeys.OfListedVersion);
        services.AddReferenceDataDependency<ContentTaxonomyRecord>(PublishedContentKeys.OfListedTerm);
        services.AddScoped<IScheduledPublisher, ScheduledPublisher>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddSingleton<IPermissionProvider, ContentPermissions>();
        return services;
    }
}
