using System.Globalization;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Users;

/// <summary>Marker for the Users module's UI strings (<c>UsersResources.vi.resx</c>).</summary>
public sealed class UsersResources;

/// <summary>What the user forms post. Strings throughout, so that the form's own messages are the only ones.</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? OrganizationId { get; set; }
    public List<string>? Roles { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? OrganizationName,
    IReadOnlyList<string> Roles,
    DateTimeOffset? LockedUntil);

public sealed record UsersIndexView(
    IReadOnlyList<UserRow> Rows,
    int Total,
    int Page,
    int PageCount,
    string? Query,
    string? OrganizationId,
    string? Role,
    IReadOnlyList<OrganizationChoice> Organizations,
    IReadOnlyList<RoleInfo> Roles,
    Func<int, string> UrlForPage);

/// <summary>A role to tick in the user form: whether the acting user may change it, and whether it is ticked.</summary>
public sealed record RoleChoice(RoleInfo Role, bool Assignable, bool Checked);

public sealed record UserEditView(
    CmsUser? User,
    UserForm Form,
    IReadOnlyList<OrganizationChoice> Organizations,
    IReadOnlyList<RoleChoice> Roles,
    bool IsSelf,
    DateTimeOffset? LockedUntil,
    bool TwoFactorEnabled = false,
    bool CanResetTwoFactor = false);

/// <summary>
/// <c>/admin/nguoi-dung</c>: list, create and edit users, set a new password, lock and unlock. Needs ManageUsers;
/// a user manages only accounts of their own subtree and only into it (administrators: all). Accounts outside it are
/// answered with 404; accounts inside it that hold more than the manager may grant with 403.
/// </summary>
[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class UsersAdminController(
    IUsersAdminService admin,
    IStringLocalizer<UsersResources> T) : AdminController
{
    public const int PageSize = UsersAdminService.PageSize;
    public const int MaxDisplayNameLength = UsersAdminService.MaxDisplayNameLength;
    public const int MaxEmailLength = UsersAdminService.MaxEmailLength;
    private const string Base = "/admin/nguoi-dung";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? query,
        [FromQuery(Name = "don-vi")] string? organizationId,
        [FromQuery(Name = "vai-tro")] string? role,
        [FromQuery(Name = "trang")] int page,
        CancellationToken ct)
    {
        var actor = Scope;

        var listing = await admin.ListAsync(actor, query, organizationId, role, page, ct);

        string UrlFor(int p)
        {
            var parts = new List<string>();
            if (listing.Query is not null)
            {
                parts.Add("q=" + Uri.EscapeDataString(listing.Query));
            }

            if (listing.OrganizationId is not null)
            {
                parts.Add("don-vi=" + Uri.EscapeDataString(listing.OrganizationId));
            }

            if (listing.Role is not null)
            {
                parts.Add("vai-tro=" + Uri.EscapeDataString(listing.Role));
            }

            if (p > 1)
            {
                parts.Add("trang=" + p.ToString(CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? Base : Base + "?" + string.Join("&", parts);
        }

        return View(new UsersIndexView(listing.Rows, listing.Total, listing.Page, listing.PageCount, listing.Query, listing.OrganizationId,
            listing.Role, listing.Organizations, listing.Roles, UrlFor));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "don-vi")] string? organizationId, CancellationToken ct)
    {
        var actor = Scope;

        var form = new UserForm { OrganizationId = organizationId is not null && actor.InScope(organizationId) ? organizationId : null };
        return View("Edit", await admin.EditViewAsync(actor, null, form, [], ct));
    }

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken ct)
    {
        var actor = Scope;

        var (user, change) = await admin.CreateAsync(actor, form, ct);
        if (user is not null && change.Succeeded)
        {
            Flash(T["The account “{0}” has been created. Give the user the initial password; they will be asked to change it.", user.UserName!]);
            return Redirect(Base + "?q=" + Uri.EscapeDataString(user.UserName!));
        }

        AddErrors(change.Errors);
        form.Password = form.ConfirmPassword = null;
        return View("Edit", await admin.EditViewAsync(actor, null, form, [], ct));
    }

    [HttpGet(Base + "/{id}/sua")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var held = await admin.RolesOfAsync(target!);
        return View(await admin.EditViewAsync(actor!, target!, admin.FormOf(target!, held), held, ct));
    }

    [HttpPost(Base + "/{id}/sua")]
    public async Task<IActionResult> Edit(string id, UserForm form, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var held = await admin.RolesOfAsync(target!);
        var change = await admin.UpdateAsync(actor!, target!, held, form, ct);
        if (!change.Succeeded)
        {
            AddErrors(change.Errors);
            form.UserName = target!.UserName;
            return View(await admin.EditViewAsync(actor!, target, form, held, ct));
        }

        Flash(T["The changes to “{0}” have been saved.", target!.UserName!]);
        return Redirect($"{Base}/{target.Id}/sua");
    }

    [HttpGet(Base + "/{id}/dat-lai-mat-khau")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct)
    {
        var (_, target, refusal) = await FindAsync(id, ct, notSelf: true);
        return refusal ?? View(new UserEditView(target, new UserForm { UserName = target!.UserName }, [], [], false, null));
    }

    [HttpPost(Base + "/{id}/dat-lai-mat-khau")]
    public async Task<IActionResult> ResetPassword(string id, UserForm form, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct, notSelf: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var change = await admin.ResetPasswordAsync(actor!, target!, form, ct);
        if (change.Succeeded)
        {
            Flash(T["A new password has been set for “{0}”. Give it to the user; they will be asked to change it.", target!.UserName!]);
            return Redirect($"{Base}/{target.Id}/sua");
        }

        AddErrors(change.Errors);
        return View(new UserEditView(target, new UserForm { UserName = target!.UserName }, [], [], false, null));
    }

    [HttpPost(Base + "/{id}/khoa")]
    public async Task<IActionResult> Lock(string id, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct, notSelf: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var change = await admin.LockAsync(actor!, target!, ct);
        if (!change.Succeeded)
        {
            return await EditWithErrorsAsync(actor!, target!, change, ct);
        }

        Flash(T["The account “{0}” is locked: the user cannot sign in until it is unlocked.", target!.UserName!]);
        return Redirect($"{Base}/{target.Id}/sua");
    }

    [HttpPost(Base + "/{id}/mo-khoa")]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct, notSelf: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var change = await admin.UnlockAsync(actor!, target!, ct);
        if (!change.Succeeded)
        {
            return await EditWithErrorsAsync(actor!, target!, change, ct);
        }

        Flash(T["The account “{0}” is unlocked.", target!.UserName!]);
        return Redirect($"{Base}/{target.Id}/sua");
    }

    /// <summary>An administrator turns off another user's two-step sign-in (a lost phone): they sign in with the password, then may set it up again.</summary>
    [HttpPost(Base + "/{id}/dat-lai-xac-thuc-hai-buoc")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct, notSelf: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var change = await admin.ResetTwoFactorAsync(actor!, target!, ct);
        if (change.Forbidden)
        {
            return Forbid();
        }

        Flash(T["Two-step sign-in of “{0}” is reset: they sign in with their password and can set it up again.", target!.UserName!]);
        return Redirect($"{Base}/{target.Id}/sua");
    }

    private async Task<IActionResult> EditWithErrorsAsync(UserScope actor, CmsUser target, UserAdminChange change, CancellationToken ct)
    {
        AddErrors(change.Errors);
        var held = await admin.RolesOfAsync(target);
        return View("Edit", await admin.EditViewAsync(actor, target, admin.FormOf(target, held), held, ct));
    }

    /// <summary>The signed-in user's scope and the account by id, or the answer when there is none: 404 or 403.</summary>
    private async Task<(UserScope? Actor, CmsUser? Target, IActionResult? Refusal)> FindAsync(string id, CancellationToken ct, bool notSelf = false)
    {
        var actor = Scope;
        var (target, access) = await admin.FindAsync(actor, id, notSelf, ct);
        return access switch
        {
            UserAccess.NotFound => (actor, null, NotFound()),
            UserAccess.Forbidden => (actor, target, Forbid()),
            _ => (actor, target, null),
        };
    }

    private void AddErrors(IEnumerable<UserFieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }
}

/// <summary>Role names and permission descriptions in the UI language (the names themselves are stable identifiers).</summary>
public static class RoleText
{
    public static string Name(IStringLocalizer T, string role)
    {
        var text = T["Role " + role];
        return text.ResourceNotFound ? role : text.Value;
    }

    public static string Permission(IStringLocalizer T, string description)
    {
        var text = T[description];
        return text.ResourceNotFound ? description : text.Value;
    }

    public static string Module(IStringLocalizer T, string module)
    {
        var text = T["Module " + module];
        return text.ResourceNotFound ? module : text.Value;
    }
}

internal sealed class UsersAdminMenu(IStringLocalizer<UsersResources> T) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new(T["System"], T["Users"], "/admin/nguoi-dung", UsersPermissions.ManageUsers, 910),
        new(T["System"], T["Roles"], "/admin/vai-tro", UsersPermissions.ManageRoles, 920),
    ];
}
