using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// The localizers of the <c>.resx</c> resources (<see cref="ResourceManagerStringLocalizerFactory"/>), each made once and
/// keeping the strings it found (<see cref="CachedStringLocalizer"/>). Registered by <see cref="AddCachedLocalization"/>
/// after <c>AddLocalization()</c>; views' <c>IViewLocalizer</c>s and <c>IStringLocalizer&lt;T&gt;</c>s go through it.
/// </summary>
public sealed class CachedStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner = new(options, loggers);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource)
        => _byType.GetOrAdd(resourceSource, type => new CachedStringLocalizer(_inner.Create(type)));

    public IStringLocalizer Create(string baseName, string location)
        => _byName.GetOrAdd((baseName, location), key => new CachedStringLocalizer(_inner.Create(key.BaseName, key.Location)));

    /// <summary>
    /// Replaces the resource localizer factory with this one, and makes <c>IStringLocalizer&lt;T&gt;</c> one instance per
    /// resource type (it holds nothing of a request: the culture is read at each lookup).
    /// </summary>
    public static IServiceCollection AddCachedLocalization(IServiceCollection services)
    {
        services.AddLocalization();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedStringLocalizerFactory>());
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>)));
        return services;
    }
}
