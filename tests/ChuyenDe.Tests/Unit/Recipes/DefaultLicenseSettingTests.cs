using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Unit.Recipes;

/// <summary>The <c>Settings</c> step sets the site's default licence: stored as the catalogue's value, an unknown one refused.</summary>
public sealed class DefaultLicenseSettingTests
{
    [Fact]
    public async Task The_Settings_step_stores_the_default_licence_normalised_and_refuses_an_unknown_one()
    {
        await using var host = await TestHost.CreateAsync();
        await host.RunSetupRecipeAsync();
        await host.InScopeAsync(async sp =>
            Assert.Equal("all-rights-reserved", (await sp.GetRequiredService<ISiteSettingsService>().GetAsync()).DefaultLicense));

        await host.RunRecipeAsync("""{ "name": "licence", "steps": [ { "name": "Settings", "DefaultLicense": "CC-BY-SA-4.0" } ] }""", "licence.recipe.json");
        await host.InScopeAsync(async sp =>
        {
            var settings = await sp.GetRequiredService<ISiteSettingsService>().GetAsync();
            Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", settings.DefaultLicense);
            Assert.Equal("CC BY-SA 4.0", settings.DefaultContentLicense.ShortName);
        });

        var refused = await Assert.ThrowsAsync<RecipeException>(() =>
            host.RunRecipeAsync("""{ "name": "bad", "steps": [ { "name": "Settings", "DefaultLicense": "GPL-3.0" } ] }""", "bad.recipe.json"));
        Assert.Equal("$.steps[0].DefaultLicense", refused.JsonPath);
        Assert.Contains("GPL-3.0", refused.Message, StringComparison.Ordinal);
    }
}
