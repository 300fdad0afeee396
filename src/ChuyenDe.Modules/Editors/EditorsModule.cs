using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editors;

/// <summary>Marker for the generated editors' UI strings (<c>EditorsResources.vi.resx</c>).</summary>
public sealed class EditorsResources;

public static class EditorsModule
{
    /// <summary>The generated editors: content list, create and edit forms from the type definitions, item actions.</summary>
    public static IServiceCollection AddEditorsModule(this IServiceCollection services)
    {
        services.AddScoped<ContentFormBinder>();
        services.AddScoped<ContentEditorService>();
        services.AddScoped<ContentListService>();
        services.AddScoped<UserDisplayNames>();
        services.AddSingleton<IAdminMenuProvider, ContentAdminMenu>();
        return services;
    }
}

internal sealed class ContentAdminMenu(IStringLocalizer<EditorsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        // Beside the dashboard (the admin shell's group of the same name).
        new(T["Overview"], T["Content"], ContentAdminController.BasePath, ContentPermissions.ViewOwnContent, 10),
    ];
}
