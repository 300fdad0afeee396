using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Recipes;

/// <summary>The permissions of recipes; other modules name them through these constants.</summary>
public sealed class RecipePermissions : IPermissionProvider
{
    public const string ApplyRecipes = nameof(ApplyRecipes);
    public const string ExportRecipes = nameof(ExportRecipes);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ApplyRecipes, "Apply recipes"),
        new(ExportRecipes, "Export definitions and content as recipes"),
    ];
}
