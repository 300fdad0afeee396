using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChuyenDe.Modules.ScaleOut;

/// <summary>
/// Several nodes of one site behind a proxy (<c>ChuyenDe:Redis:Configuration</c> set; the database is then PostgreSQL):
/// the data-protection key ring, the output cache's store, the sign-in throttle's counters, the background jobs' lock and
/// the cross-node cache invalidations go to Redis. Registered after the modules whose single-node services it replaces;
/// without the setting it registers nothing. See docs/operations.md, "Several nodes".
/// </summary>
public static class ScaleOutModule
{
    public static IServiceCollection AddScaleOutModule(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ScaleOutOptions();
        configuration.GetSection(ScaleOutOptions.Section).Bind(options);
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        var redis = new RedisConnection(options);
        services.AddSingleton(redis);
        services.AddSingleton<IConnectionMultiplexer>(_ => redis.Multiplexer);

        // Every node reads and writes the same key ring (the application name is set by the data module).
        services.AddDataProtection().PersistKeysToStackExchangeRedis(() => redis.Database, options.Key("data-protection-keys"));

        // The output cache's store, with its tags, shared by the nodes: an eviction on one is seen by all.
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = options.Key("output-cache:");
            o.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
        });

        services.AddSingleton<RedisCacheInvalidationBus>();
        services.Replace(ServiceDescriptor.Singleton<ICacheInvalidationBus>(sp => sp.GetRequiredService<RedisCacheInvalidationBus>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RedisCacheInvalidationBus>());

        services.Replace(ServiceDescriptor.Singleton<ISignInThrottle, RedisSignInThrottle>());
        services.Replace(ServiceDescriptor.Singleton<IDistributedLock, RedisDistributedLock>());
        return services;
    }
}
