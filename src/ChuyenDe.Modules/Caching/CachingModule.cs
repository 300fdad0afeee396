using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// The output cache of anonymous public pages (ASP.NET Core output caching, in memory by default; another
/// <see cref="IOutputCacheStore"/> registered after this module replaces the store), evicted by tag when changes commit
/// (<see cref="IPageCacheInvalidator"/>), with entity tags, Brotli/gzip compression of anonymous answers and HEAD for
/// every GET page. Pages opt in with <c>[OutputCache(PolicyName = PageCache.PolicyName)]</c>.
/// </summary>
public static class CachingModule
{
    /// <summary>The media types compressed (pages, styles, scripts, pictures in SVG, feeds, sitemaps, JSON, calendars).</summary>
    public static readonly IReadOnlyList<string> CompressedTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/xml", "text/xml",
        "application/rss+xml", "application/atom+xml", "application/json", "application/problem+json", "text/plain", "text/calendar",
    ];

    public static IServiceCollection AddCachingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PageCacheOptions>(configuration.GetSection("ChuyenDe:OutputCache"));
        services.AddMetrics();
        services.AddSingleton<PageCacheMetrics>();
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton(sp => new FrontPageCache(
            Math.Max(1, sp.GetRequiredService<IOptions<PageCacheOptions>>().Value.FrontMegabytes) * 1024L * 1024L));
        services.TryAddSingleton<FragmentCache>();
        services.AddSingleton<IPageCacheEvictor, PageCacheEvictor>();
        AddCacheInvalidationHandler<FrontPageInvalidationHandler>(services);
        services.AddOutputCache();
        services.AddSingleton<IConfigureOptions<OutputCacheOptions>>(sp => new ConfigureOptions<OutputCacheOptions>(
            o => o.AddPolicy(PageCache.PolicyName, sp.GetRequiredService<PublicPagePolicy>())));
        services.AddResponseCompression(o =>
        {
            // Only anonymous answers are compressed (AnonymousCompressionProvider): no secret of a signed-in user travels compressed (BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, AnonymousCompressionProvider>());
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PageCacheEvictionInterceptor>();
        AddReferenceDataCache(services);
        return services;
    }

    /// <summary>
    /// Declares which keys of the <see cref="ReferenceDataCache"/> a change of <typeparamref name="TEntity"/> drops (by
    /// the module that owns the entity): the keys of an added, modified or deleted entry, dropped when saved and once committed.
    /// </summary>
    public static IServiceCollection AddReferenceDataDependency<TEntity>(
        this IServiceCollection services, Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity>, IEnumerable<string>> keys)
        where TEntity : class
    {
        services.AddSingleton(new ReferenceDataDependency(typeof(TEntity), entry => keys(entry.Context.Entry((TEntity)entry.Entity))));
        AddReferenceDataCache(services); // the modules that keep reference data work without the rest of this module (hosts of tests)
        return services;
    }

    /// <summary>
    /// Registers how an in-process cache drops the keys another node invalidated (see <see cref="ICacheInvalidationBus"/>);
    /// a module keeping its own cache registers one handler of its own kind and publishes the keys it changes.
    /// </summary>
    public static IServiceCollection AddCacheInvalidationHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICacheInvalidationHandler
    {
        services.TryAddSingleton<ICacheInvalidationBus, LocalCacheInvalidationBus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICacheInvalidationHandler, THandler>());
        return services;
    }

    private static void AddReferenceDataCache(IServiceCollection services)
    {
        AddCacheInvalidationHandler<ReferenceDataInvalidationHandler>(services);
        services.TryAddSingleton(sp => new ReferenceDataCache(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ReferenceDataInvalidationInterceptor>());
    }

    /// <summary>
    /// Declares which cached pages a change of <typeparamref name="TEntity"/> evicts (by the module that owns the entity):
    /// the tags of an added, modified or deleted entry, evicted once the save commits.
    /// </summary>
    public static IServiceCollection AddPageCacheDependency<TEntity>(
        this IServiceCollection services, Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity>, IEnumerable<string>> tags)
        where TEntity : class
    {
        services.AddSingleton(new PageCacheDependency(typeof(TEntity), entry => tags(entry.Context.Entry((TEntity)entry.Entity))));
        return services;
    }

    /// <summary>HEAD as GET without a body; early in the pipeline, before routing.</summary>
    public static IApplicationBuilder UseHeadRequests(this IApplicationBuilder app)
        => app.UseMiddleware<HeadRequestMiddleware>();

    /// <summary>
    /// This node's copies of the pages it rendered (<see cref="FrontPageCache"/>): first in the pipeline after transport
    /// security, errors and HEAD, so that a page already rendered is answered before anything else runs. Whether a request
    /// may be answered from a copy is decided without authentication (no sign-in cookie, no Authorization header).
    /// </summary>
    public static IApplicationBuilder UseFrontPageCache(this IApplicationBuilder app)
        => app.UseMiddleware<FrontPageCacheMiddleware>();

    /// <summary>
    /// The output cache of the endpoints that opted in, then compression of anonymous answers, then the tags header of a
    /// page to be stored (<see cref="PageTagsHeaderMiddleware"/>); after routing (the policy is the endpoint's) and before
    /// authentication (<see cref="PublicPagePolicy"/>).
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<PageTagsHeaderMiddleware>();
        return app;
    }

    /// <summary>Entity tags and 304 for public pages rendered now; after authorization, before the endpoints.</summary>
    public static IApplicationBuilder UseEntityTags(this IApplicationBuilder app)
        => app.UseMiddleware<EntityTagMiddleware>();
}
