using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Organizations;

/// <summary>Marker for the Organizations module's UI strings (<c>OrganizationsResources.vi.resx</c>).</summary>
public sealed class OrganizationsResources;

public sealed record OrganizationsIndexView(
    IReadOnlyList<OrganizationNode> Roots,
    IReadOnlyDictionary<string, int> Users,
    IReadOnlyDictionary<string, int> ContentItems,
    bool CanCreateDepartment);

/// <summary>A unit to choose in a select list, with its depth in the tree and the district it belongs to (for clusters).</summary>
public sealed record OrganizationChoice(Organization Organization, int Depth, string? Group = null);

public sealed record OrganizationEditView(
    Organization? Unit,
    OrganizationForm Form,
    IReadOnlyList<OrganizationChoice> Parents,
    IReadOnlyList<OrganizationChoice> Clusters,
    int Users,
    int ContentItems,
    bool CanChangeActive,
    bool CanCreateDepartment);

public sealed record OrganizationDeleteView(Organization Unit, int Users, int ContentItems, FormError? Problem);

/// <summary>
/// <c>/admin/don-vi</c>: the organisation tree with counts; create, rename, move, deactivate/reactivate and delete units.
/// Needs ManageOrganizations; a user manages only the units of their own subtree (administrators: all). A unit
/// outside it is answered with 404, so that its existence does not leak.
/// </summary>
[RequirePermission(OrganizationPermissions.ManageOrganizations)]
public sealed class OrganizationsAdminController(
    IOrganizationService organizations,
    IOrganizationAdminService admin,
    IStringLocalizer<OrganizationsResources> T) : AdminController
{
    private const string Base = "/admin/don-vi";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var actor = Scope;

        var roots = await admin.ManageableTreeAsync(actor, ct);
        var ids = OrganizationTree.Flatten(roots).Select(p => p.Organization.Id).ToList();
        var counts = await admin.CountAsync(ids, ct);
        return View(new OrganizationsIndexView(roots,
            counts.GetValueOrDefault(OrganizationUsageKind.Users) ?? new Dictionary<string, int>(),
            counts.GetValueOrDefault(OrganizationUsageKind.ContentItems) ?? new Dictionary<string, int>(),
            actor.IsAdministrator));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "loai")] string? kind, [FromQuery(Name = "cha")] string? parentId, CancellationToken ct)
    {
        var actor = Scope;

        var form = new OrganizationForm
        {
            Kind = Enum.TryParse<OrganizationKind>(kind, false, out var k) && Enum.IsDefined(k) ? k.ToString() : null,
            ParentId = parentId is not null && actor.InScope(parentId) ? parentId : null,
        };
        return View("Edit", await EditViewAsync(actor, null, form, ct));
    }

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(OrganizationForm form, CancellationToken ct)
    {
        var actor = Scope;

        var (created, change) = await admin.CreateAsync(actor, form, ct);
        if (created is null)
        {
            AddErrors(change.Errors);
            return View("Edit", await EditViewAsync(actor, null, form, ct));
        }

        Flash(T["The unit “{0}” has been created.", created.Name]);
        return Redirect(Base + "#don-vi-" + created.Id);
    }

    [HttpGet(Base + "/{id}/sua")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var actor = Scope;

        if (await admin.FindManageableAsync(actor, id, ct) is not { } unit)
        {
            return NotFound();
        }

        return View(await EditViewAsync(actor, unit, OrganizationForm.From(unit), ct));
    }

    [HttpPost(Base + "/{id}/sua")]
    public async Task<IActionResult> Edit(string id, OrganizationForm form, CancellationToken ct)
    {
        var actor = Scope;

        if (await admin.FindManageableAsync(actor, id, ct) is not { } unit)
        {
            return NotFound();
        }

        var change = await admin.UpdateAsync(actor, unit, form, ct);
        if (!change.Succeeded)
        {
            AddErrors(change.Errors);
            form.Id = unit.Id;
            form.Kind = unit.Kind.ToString();
            return View(await EditViewAsync(actor, unit, form, ct));
        }

        Flash(T["The changes to “{0}” have been saved.", form.Name?.Trim() ?? unit.Name]);
        return Redirect(Base + "#don-vi-" + unit.Id);
    }

    [HttpPost(Base + "/{id}/ngung-hoat-dong")]
    public Task<IActionResult> Deactivate(string id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [HttpPost(Base + "/{id}/kich-hoat")]
    public Task<IActionResult> Reactivate(string id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    [HttpGet(Base + "/{id}/xoa")]
    public async Task<IActionResult> Delete(string id, CancellationToken ct)
    {
        var actor = Scope;

        if (await admin.FindManageableAsync(actor, id, ct) is not { } unit)
        {
            return NotFound();
        }

        if (unit.Id == actor.OrganizationId)
        {
            return Forbid();
        }

        var view = await DeleteViewAsync(unit, ct);
        if (view.Problem is { } problem)
        {
            AddErrors([problem]);
        }

        return View(view);
    }

    [HttpPost(Base + "/{id}/xoa")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(string id, CancellationToken ct)
    {
        var actor = Scope;

        if (await admin.FindManageableAsync(actor, id, ct) is not { } unit)
        {
            return NotFound();
        }

        var change = await admin.DeleteAsync(actor, unit, ct);
        if (change.Forbidden)
        {
            return Forbid();
        }

        if (!change.Succeeded)
        {
            AddErrors(change.Errors);
            return View("Delete", await DeleteViewAsync(unit, ct));
        }

        Flash(T["The unit “{0}” has been deleted.", unit.Name]);
        return Redirect(Base);
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active, CancellationToken ct)
    {
        var actor = Scope;

        if (await admin.FindManageableAsync(actor, id, ct) is not { } unit)
        {
            return NotFound();
        }

        var change = await admin.SetActiveAsync(actor, unit, active, ct);
        if (change.Forbidden)
        {
            return Forbid();
        }

        if (!change.Succeeded)
        {
            AddErrors(change.Errors);
            return View("Edit", await EditViewAsync(actor, unit, OrganizationForm.From(unit), ct));
        }

        Flash(active ? T["The unit “{0}” is active again.", unit.Name] : T["The unit “{0}” has been deactivated.", unit.Name]);
        return Redirect(Base + "#don-vi-" + unit.Id);
    }

    private void AddErrors(IEnumerable<FormError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, T[error.Message, error.Args]);
        }
    }

    private async Task<OrganizationEditView> EditViewAsync(UserScope actor, Organization? unit, OrganizationForm form, CancellationToken ct)
    {
        var all = await organizations.ListAsync(ct);
        var byId = all.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var flat = OrganizationTree.Flatten(OrganizationTree.Build(all, _ => true));

        // What may be chosen: active units in scope; and the unit's current parent and cluster, even when outside.
        bool Choosable(Organization o) => (o.Active && actor.InScope(o.Id)) || o.Id == unit?.ParentId || o.Id == unit?.ClusterId;
        var parentKind = unit is null ? null : OrganizationRules.ExpectedParentKind(unit.Kind);
        var parents = flat.Where(p => (parentKind is null ? p.Organization.Kind is OrganizationKind.Department or OrganizationKind.DistrictOffice : p.Organization.Kind == parentKind)
                                      && Choosable(p.Organization))
            .Select(p => new OrganizationChoice(p.Organization, p.Organization.Kind == OrganizationKind.Department ? 0 : 1))
            .ToList();
        var clusters = flat.Where(p => p.Organization.Kind == OrganizationKind.Cluster && Choosable(p.Organization))
            .Select(p => new OrganizationChoice(p.Organization, 0,
                p.Organization.ParentId is { } d && byId.TryGetValue(d, out var district) ? district.ShortName ?? district.Name : null))
            .ToList();
        int users = 0, items = 0;
        if (unit is not null)
        {
            var counts = await admin.CountAsync([unit.Id], ct);
            users = counts.GetValueOrDefault(OrganizationUsageKind.Users)?.GetValueOrDefault(unit.Id) ?? 0;
            items = counts.GetValueOrDefault(OrganizationUsageKind.ContentItems)?.GetValueOrDefault(unit.Id) ?? 0;
        }

        return new OrganizationEditView(unit, form, parents, clusters, users, items,
            CanChangeActive: unit is not null && unit.Id != actor.OrganizationId, actor.IsAdministrator);
    }

    private async Task<OrganizationDeleteView> DeleteViewAsync(Organization unit, CancellationToken ct)
    {
        var counts = await admin.CountAsync([unit.Id], ct);
        return new OrganizationDeleteView(unit,
            counts.GetValueOrDefault(OrganizationUsageKind.Users)?.GetValueOrDefault(unit.Id) ?? 0,
            counts.GetValueOrDefault(OrganizationUsageKind.ContentItems)?.GetValueOrDefault(unit.Id) ?? 0,
            await admin.WhyNotDeletableAsync(unit, ct));
    }
}

internal sealed class OrganizationsAdminMenu(IStringLocalizer<OrganizationsResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["System"], T["Organisations"], "/admin/don-vi", OrganizationPermissions.ManageOrganizations, 900),
    ];
}
