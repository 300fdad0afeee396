using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Definitions;

public static class DefinitionsModule
{
    /// <summary>The content definition editor, recipe export and recipe upload for administrators.</summary>
    public static IServiceCollection AddDefinitionsModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IContentDefinitionEditor, ContentDefinitionEditor>();
        services.AddScoped<IRecipeExporter, RecipeExporter>();
        services.AddSingleton<IAdminMenuProvider, DefinitionsMenu>();
        return services;
    }
}

internal sealed class DefinitionsMenu(IStringLocalizer<DefinitionsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["System"], T["Content types"], "/admin/loai-noi-dung", ContentPermissions.ManageContentDefinitions, 900),
        new(T["System"], T["Export a recipe"], "/admin/loai-noi-dung/xuat", RecipePermissions.ExportRecipes, 910),
        new(T["System"], T["Apply a recipe"], "/admin/cong-thuc", RecipePermissions.ApplyRecipes, 920),
    ];
}
