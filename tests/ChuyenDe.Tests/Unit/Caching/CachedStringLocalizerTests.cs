using System.Globalization;
using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Library;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Caching;

public sealed class CachedStringLocalizerTests
{
    private static IStringLocalizer Resource() => new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(LibraryResources));

    private static IStringLocalizer Cached() => new CachedStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(LibraryResources));

    [Fact]
    public void The_kept_strings_are_those_of_the_resources_per_culture_with_arguments_filled_in()
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            var cached = Cached();
            var resource = Resource();
            foreach (var name in new[] { "Home", "Library", "Search", "a name no resource has" })
            {
                Assert.Equal(resource[name].Value, cached[name].Value);
                Assert.Equal(resource[name].ResourceNotFound, cached[name].ResourceNotFound);
                Assert.Equal(resource[name].Value, cached[name].Value); // kept
            }

            Assert.NotEqual("Home", cached["Home"].Value);
            Assert.Equal(resource["Downloaded {0} times", 1234].Value, cached["Downloaded {0} times", 1234].Value);

            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Assert.Equal("Home", cached["Home"].Value); // another culture, its own strings
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }

    [Fact]
    public void Registered_after_AddLocalization_it_serves_the_typed_localizers_as_one_instance()
    {
        var services = new ServiceCollection().AddLogging();
        CachedStringLocalizerFactory.AddCachedLocalization(services);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<CachedStringLocalizerFactory>(provider.GetRequiredService<IStringLocalizerFactory>());
        Assert.Same(provider.GetRequiredService<IStringLocalizer<LibraryResources>>(), provider.GetRequiredService<IStringLocalizer<LibraryResources>>());
    }
}
