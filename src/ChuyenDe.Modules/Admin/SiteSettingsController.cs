using System.Text.Json.Nodes;
using ChuyenDe.Modules.Licensing;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Admin;

/// <summary>
/// <c>/admin/cai-dat</c>: the site settings an administrator edits in the back office (today the default licence;
/// the rest comes from the setup recipe's <c>Settings</c> step). Needs ManageSettings.
/// </summary>
[RequirePermission(SettingsPermissions.ManageSettings)]
public sealed class SiteSettingsController(
    ISiteSettingsService settings,
    IStringLocalizer<AdminResources> T) : AdminController
{
    public const string BasePath = "/admin/cai-dat";

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        return View(new SiteSettingsForm { DefaultLicense = site.DefaultContentLicense.Value });
    }

    [HttpPost(BasePath)]
    public async Task<IActionResult> Index(SiteSettingsForm form, CancellationToken ct)
    {
        // A licence named in any accepted way (URI, code stored before URIs) is stored as the catalogue's value.
        if (LicenseCatalog.Normalize(form.DefaultLicense) is not { } license)
        {
            ModelState.AddModelError(nameof(SiteSettingsForm.DefaultLicense), T["Please choose one of the listed licences."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await settings.MergeAsync(new JsonObject { ["DefaultLicense"] = license }, ct);
        Flash(T["The site settings have been saved."]);
        return Redirect(BasePath);
    }
}

internal sealed class SiteSettingsMenu(IStringLocalizer<AdminResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["System"], T["Site settings"], SiteSettingsController.BasePath, SettingsPermissions.ManageSettings, 930),
    ];
}
