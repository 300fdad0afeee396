using ChuyenDe.Modules.Caching;
using System.Text.Json.Nodes;
using ChuyenDe.Modules.Licensing;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Settings;

public static class SettingsModule
{
    public static IServiceCollection AddSettingsModule(this IServiceCollection services)
    {
        services.AddScoped<ISiteSettingsService, SiteSettingsService>();
        // The site's name, description and options show on every page.
        services.AddPageCacheDependency<SiteSettingsRecord>(_ => [CacheTags.Site]);
        // Kept across requests (ReferenceDataCache); a change drops them once saved.
        services.AddReferenceDataDependency<SiteSettingsRecord>(_ => [SiteSettingsService.CacheKey]);
        services.AddScoped<IRecipeStepHandler, SettingsStep>();
        services.AddSingleton<IPermissionProvider, SettingsPermissions>();
        return services;
    }
}

/// <summary>Orchard Core's <c>Settings</c> step: every property beside <c>name</c> is a site setting.</summary>
internal sealed class SettingsStep(ISiteSettingsService settings) : IRecipeStepHandler
{
    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in context.Step)
        {
            if (string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            properties[key] = value?.DeepClone();
        }

        RecipeJson.OptionalString(properties, "SiteName", context.Path);
        RecipeJson.OptionalNumber(properties, "PageSize", context.Path);
        if (RecipeJson.OptionalString(properties, "TimeZoneId", context.Path) is { } zone)
        {
            try
            {
                TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new RecipeStepException(RecipeJson.Child(context.Path, "TimeZoneId"), $"Unknown time zone '{zone}'.");
            }
        }

        if (properties["TwoFactorRequiredRoles"] is { } required
            && (required is not JsonArray list || list.Any(r => r is not JsonValue v || !v.TryGetValue<string>(out _))))
        {
            throw new RecipeStepException(RecipeJson.Child(context.Path, "TwoFactorRequiredRoles"), "TwoFactorRequiredRoles must be an array of role names.");
        }

        // A licence named in any accepted way (URI, code stored before URIs) is stored as the catalogue's value.
        if (RecipeJson.OptionalString(properties, "DefaultLicense", context.Path) is { } license)
        {
            properties["DefaultLicense"] = LicenseCatalog.Normalize(license)
                ?? throw new RecipeStepException(RecipeJson.Child(context.Path, "DefaultLicense"), $"Unknown licence '{license}'.");
        }

        if (await settings.MergeAsync(properties, ct))
        {
            context.Changes++;
        }
    }
}
