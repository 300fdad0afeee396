using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Search;
using ChuyenDe.Modules.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Editorial;

public static class CurationModule
{
    /// <summary>
    /// Curation of published items: exemplary products and model sites, featured on the home page. Called by
    /// <c>AddEditorialModule</c>.
    /// </summary>
    public static IServiceCollection AddCuration(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ICurationService, CurationService>();
        services.AddScoped<ICurationQuery, CurationQuery>();
        services.AddScoped<ISearchDocumentContributor, CurationSearchContributor>();
        services.AddSingleton<IPermissionProvider, CurationPermissions>();
        services.AddSingleton<IAdminMenuProvider, CurationAdminMenu>();
        return services;
    }
}

internal sealed class CurationAdminMenu(IStringLocalizer<CurationResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["Overview"], T["Curation"], CurationController.Base, CurationPermissions.CurateContent, 20),
    ];
}
