using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Modules.Recipes;

public static class RecipesModule
{
    /// <summary>The recipe runner with the ContentDefinition and Content steps.</summary>
    public static IServiceCollection AddRecipesModule(this IServiceCollection services)
    {
        services.AddScoped<IRecipeExecutor, RecipeExecutor>();
        services.AddScoped<IRecipeStepHandler, ContentDefinitionStep>();
        services.AddScoped<IRecipeStepHandler, ContentStep>();
        services.AddSingleton<IPermissionProvider, RecipePermissions>();
        return services;
    }
}
