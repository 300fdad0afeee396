using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Recipes;
using ChuyenDe.Modules.Settings;
using ChuyenDe.Modules.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace ChuyenDe.Modules.Setup;

/// <summary><c>ChuyenDe:Setup</c>: what the first start applies and the administrator it creates.</summary>
public sealed class SetupOptions
{
    public string AdminUserName { get; set; } = "admin";

    /// <summary>The organisation of the administrator; the setup recipe's Department.</summary>
    public string AdminOrganizationId { get; set; } = "so-hcm";
    public string? AdminPassword { get; set; }
    public string? DemoPassword { get; set; }

    /// <summary>Whether the sample content recipe is applied on first start.</summary>
    public bool SampleContent { get; set; } = true;

    public string RecipesFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "recipes");
    public string SetupRecipe { get; set; } = "chuyende.recipe.json";
    public string SampleRecipe { get; set; } = "sample-content.recipe.json";
}

public static class SetupModule
{
    public static IServiceCollection AddSetupModule(this IServiceCollection services)
    {
        services.AddOptions<SetupOptions>().BindConfiguration("ChuyenDe:Setup");
        services.AddScoped<SetupService>();
        return services;
    }

    /// <summary>
    /// Migrates the database and, on the first start only, applies the recipes and creates the administrator; nodes
    /// starting together on PostgreSQL do it one after the other (the later ones find it done).
    /// </summary>
    public static Task RunSetupAsync(IServiceProvider services, CancellationToken ct = default)
        => DataModule.RunStartupExclusiveAsync(services, async () =>
        {
            await DataModule.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SetupService>().RunAsync(ct);
        }, ct);
}

internal sealed class SetupService(
    IServiceProvider services,
    IOptions<SetupOptions> options,
    ISiteSettingsService settings,
    ILogger<SetupService> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var setup = options.Value;
        await ApplyOnceAsync(Path.Combine(setup.RecipesFolder, setup.SetupRecipe), ct);
        if (setup.SampleContent)
        {
            await ApplyOnceAsync(Path.Combine(setup.RecipesFolder, setup.SampleRecipe), ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var organizations = scope.ServiceProvider.GetRequiredService<IOrganizationService>();
            var root = await organizations.GetAsync(setup.AdminOrganizationId, ct)
                ?? (await organizations.ListAsync(ct)).FirstOrDefault(o => o.Kind == OrganizationKind.Department)
                ?? throw new InvalidOperationException("The setup recipe defines no Department organisation for the administrator.");
            var generated = await scope.ServiceProvider.GetRequiredService<IAdministratorSetup>()
                .EnsureAdministratorAsync(setup.AdminUserName, setup.AdminPassword, root.Id, ct);
            if (generated is not null)
            {
                // Shown once, on the console only (never in the log files).
                Console.WriteLine();
                Console.WriteLine("=================================================================");
                Console.WriteLine($" ChuyenDe CMS: administrator '{setup.AdminUserName}' created.");
                Console.WriteLine($" Generated password (shown only this once): {generated}");
                Console.WriteLine(" It must be changed at the first sign-in.");
                Console.WriteLine(" Set ChuyenDe:Setup:AdminPassword to choose one instead.");
                Console.WriteLine("=================================================================");
                Console.WriteLine();
            }
        }

        if ((await settings.GetAsync(ct)).SetupCompletedUtc is null)
        {
            await settings.MergeAsync(new JsonObject { ["SetupCompletedUtc"] = DateTime.UtcNow.ToString("O") }, ct);
            logger.LogInformation("Setup completed");
        }
    }

    private async Task ApplyOnceAsync(string path, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();
        if (await executor.HasBeenAppliedAsync(Path.GetFileName(path), ct))
        {
            logger.LogInformation("Recipe {File} was applied before; skipped", Path.GetFileName(path));
            return;
        }

        await executor.ExecuteFileAsync(path, ct);
    }
}
