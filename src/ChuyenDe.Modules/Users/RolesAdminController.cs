using System.Security.Claims;
using System.Text.RegularExpressions;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Users;

public sealed class RoleForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string>? Permissions { get; set; }
}

/// <summary>A permission to tick: its description in the UI language, whether it is ticked and whether the user may change it.</summary>
public sealed record PermissionChoice(Permission Permission, string Description, IReadOnlyList<string> ImpliedBy, bool Checked, bool Editable);

public sealed record PermissionGroup(string Module, string Title, IReadOnlyList<PermissionChoice> Permissions);

public sealed record RolesIndexView(IReadOnlyList<RoleInfo> Roles);

public sealed record RoleEditView(RoleInfo? Role, RoleForm Form, IReadOnlyList<PermissionGroup> Groups, bool ReadOnly);

/// <summary>
/// <c>/admin/vai-tro</c>: roles with their descriptions and holders; create a role, change a role's description and
/// permissions. Needs ManageRoles. The Administrator role holds every permission and is shown read-only. A user who is
/// not an administrator grants or removes only permissions they hold themselves, and cannot remove their own access.
/// </summary>
[RequirePermission(UsersPermissions.ManageRoles)]
public sealed partial class RolesAdminController(
    IPermissionService permissions,
    IEnumerable<IPermissionProvider> providers,
    RoleManager<CmsRole> roleManager,
    UserManager<CmsUser> users,
    IRoleCatalog catalog,
    DbContext db,
    IAuditTrail audit,
    IStringLocalizer<UsersResources> T,
    IStringLocalizer<AdminResources> identityT,
    ILogger<RolesAdminController> logger) : AdminController
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1024;
    private const string Base = "/admin/vai-tro";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
        => View(new RolesIndexView(await catalog.ListAsync(ct)));

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var actor = Scope;

        return View("Edit", Build(actor, null, new RoleForm(), readOnly: false));
    }

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(RoleForm form, CancellationToken ct)
    {
        var actor = Scope;

        var name = form.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(form.Name), T["Enter a name for the role."]);
        }
        else if (name.Length > MaxNameLength || !RoleNamePattern().IsMatch(name))
        {
            ModelState.AddModelError(nameof(form.Name), T["The name may contain only letters a–z without tone marks, digits and _, start with a letter and have at most {0} characters.", MaxNameLength]);
        }
        else if (await roleManager.FindByNameAsync(name) is not null)
        {
            ModelState.AddModelError(nameof(form.Name), IdentityMessages.Describe(new IdentityError { Code = "DuplicateRoleName" }, identityT));
        }

        var description = CheckDescription(form.Description);
        var wanted = CheckPermissions(actor, form.Permissions, new HashSet<string>());
        if (!ModelState.IsValid)
        {
            form.Name = name;
            return View("Edit", Build(actor, null, form, readOnly: false));
        }

        var result = await db.InTransactionAsync(async () =>
        {
            var role = new CmsRole(name!) { Description = description };
            var result = await roleManager.CreateAsync(role);
            foreach (var permission in wanted.Order(StringComparer.Ordinal))
            {
                if (result.Succeeded)
                {
                    result = await roleManager.AddClaimAsync(role, new Claim(PermissionClaims.Type, permission));
                }
            }

            if (result.Succeeded)
            {
                await audit.RecordAsync(new AuditEntry
                {
                    Category = AuditCategories.Security, Action = AuditActions.RoleCreated, Subject = name, Details = AuditActions.Changes(wanted, []),
                }, ct);
            }

            return result;
        }, result => result.Succeeded, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "DuplicateRoleName" ? nameof(form.Name) : "", IdentityMessages.Describe(error, identityT));
            }

            return View("Edit", Build(actor, null, form, readOnly: false));
        }

        logger.LogInformation("Role {Role} created with {Permissions} by {Actor}", name, string.Join(",", wanted), actor.UserName);
        Flash(T["The role “{0}” has been created.", name!]);
        return Redirect(Base);
    }

    [HttpGet(Base + "/{name}/sua")]
    public async Task<IActionResult> Edit(string name, CancellationToken ct)
    {
        var actor = Scope;

        if ((await catalog.ListAsync(ct)).FirstOrDefault(r => r.Name == name) is not { } role)
        {
            return NotFound();
        }

        var form = new RoleForm { Name = role.Name, Description = role.Description, Permissions = [.. role.Permissions] };
        return View(Build(actor, role, form, readOnly: role.IsAdministrator));
    }

    [HttpPost(Base + "/{name}/sua")]
    public async Task<IActionResult> Edit(string name, RoleForm form, CancellationToken ct)
    {
        var actor = Scope;

        var roles = await catalog.ListAsync(ct);
        if (roles.FirstOrDefault(r => r.Name == name) is not { } role)
        {
            return NotFound();
        }

        if (role.IsAdministrator)
        {
            // The Administrator role always holds every permission.
            return Forbid();
        }

        if (!actor.IsAdministrator && role.Name is RoleNames.Authenticated or RoleNames.Anonymous)
        {
            // These roles reach every user of every organisation (or every visitor): administrators only.
            return Forbid();
        }

        var description = CheckDescription(form.Description);
        var wanted = CheckPermissions(actor, form.Permissions, role.Permissions);
        if (ModelState.IsValid && !actor.IsAdministrator)
        {
            // Would the acting user keep their own access to this page?
            var mine = await users.GetRolesAsync((await users.FindByIdAsync(actor.UserId))!);
            var after = roles.Select(r => r.Id == role.Id ? r with { Permissions = wanted } : r).ToList();
            var held = after.Where(r => mine.Contains(r.Name) || r.Name == RoleNames.Authenticated);
            var kept = catalog.Effective(held.SelectMany(r => r.Permissions));
            if (!kept.Contains(AdminPermissions.AccessAdmin) || !kept.Contains(UsersPermissions.ManageRoles))
            {
                ModelState.AddModelError(nameof(form.Permissions), T["You cannot take away your own access to role administration."]);
            }
        }

        if (!ModelState.IsValid)
        {
            form.Name = role.Name;
            return View(Build(actor, role, form, readOnly: false));
        }

        var removed = role.Permissions.Except(wanted).ToList();
        var added = wanted.Except(role.Permissions).Order(StringComparer.Ordinal).ToList();
        var result = await db.InTransactionAsync(async () =>
        {
            var stored = (await roleManager.FindByIdAsync(role.Id))!;
            var result = IdentityResult.Success;
            if (stored.Description != description)
            {
                stored.Description = description;
                result = await roleManager.UpdateAsync(stored);
            }

            foreach (var permission in removed)
            {
                if (result.Succeeded)
                {
                    result = await roleManager.RemoveClaimAsync(stored, new Claim(PermissionClaims.Type, permission));
                }
            }

            foreach (var permission in added)
            {
                if (result.Succeeded)
                {
                    result = await roleManager.AddClaimAsync(stored, new Claim(PermissionClaims.Type, permission));
                }
            }

            if (result.Succeeded && role.Description != description)
            {
                await audit.RecordAsync(new AuditEntry
                {
                    Category = AuditCategories.Security, Action = AuditActions.RoleEdited, Subject = role.Name,
                    Details = AuditDetails.Fields(("Description", role.Description, description)),
                }, ct);
            }

            if (result.Succeeded && added.Count + removed.Count > 0)
            {
                await audit.RecordAsync(new AuditEntry
                {
                    Category = AuditCategories.Security, Action = AuditActions.RolePermissionsChanged, Subject = role.Name,
                    Details = AuditActions.Changes(added, removed),
                }, ct);
            }

            return result;
        }, result => result.Succeeded, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", IdentityMessages.Describe(error, identityT));
            }

            form.Name = role.Name;
            return View(Build(actor, role, form, readOnly: false));
        }

        catalog.Invalidate();
        logger.LogInformation("Role {Role} changed by {Actor}: permissions added {Added}, removed {Removed}",
            role.Name, actor.UserName, string.Join(",", added), string.Join(",", removed));
        Flash(T["The changes to the role “{0}” have been saved.", RoleText.Name(T, role.Name)]);
        return Redirect(Base);
    }

    private string CheckDescription(string? text)
    {
        var description = string.IsNullOrWhiteSpace(text) ? "" : text.Trim().Normalize();
        if (description.Length > MaxDescriptionLength)
        {
            ModelState.AddModelError(nameof(RoleForm.Description), T["The description may have at most {0} characters.", MaxDescriptionLength]);
        }

        return description;
    }

    /// <summary>
    /// The permissions the role will hold: the ticked ones the acting user may change, plus the ones held already
    /// that they may not change.
    /// </summary>
    private HashSet<string> CheckPermissions(UserScope actor, IEnumerable<string>? ticked, IReadOnlySet<string> current)
    {
        var known = permissions.AllPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var names = (ticked ?? []).ToHashSet(StringComparer.Ordinal);
        var result = current.Where(p => !Editable(actor, p)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!known.Contains(name))
            {
                ModelState.AddModelError(nameof(RoleForm.Permissions), T["Choose permissions from the list."]);
            }
            else if (Editable(actor, name))
            {
                result.Add(name);
            }
            else if (!current.Contains(name))
            {
                ModelState.AddModelError(nameof(RoleForm.Permissions), T["You cannot grant the permission “{0}”, which you do not hold yourself.", name]);
            }
        }

        return result;
    }

    private static bool Editable(UserScope actor, string permission) => actor.IsAdministrator || actor.Permissions.Contains(permission);

    private RoleEditView Build(UserScope actor, RoleInfo? role, RoleForm form, bool readOnly)
    {
        var ticked = (form.Permissions ?? []).ToHashSet(StringComparer.Ordinal);
        var moduleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var module = provider.GetType().Namespace?.Split('.').Last() ?? "";
            foreach (var permission in provider.GetPermissions())
            {
                moduleOf.TryAdd(permission.Name, module);
            }
        }

        var all = permissions.AllPermissions;
        var groups = all
            .GroupBy(p => moduleOf.GetValueOrDefault(p.Name, ""))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PermissionGroup(g.Key, RoleText.Module(T, g.Key), g
                .Select(p =>
                {
                    var editable = !readOnly && Editable(actor, p.Name);
                    var isChecked = readOnly || (editable ? ticked.Contains(p.Name) : role?.Permissions.Contains(p.Name) == true);
                    return new PermissionChoice(p, RoleText.Permission(T, p.Description), p.ImpliedBy ?? [], isChecked, editable);
                })
                .ToList()))
            .ToList();
        return new RoleEditView(role, form, groups, readOnly);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex RoleNamePattern();
}
