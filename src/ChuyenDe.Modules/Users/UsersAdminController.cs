using System.Globalization;
using System.Net.Mail;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

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
[RequirePermission("ManageUsers")]
public sealed class UsersAdminController(
    IUserScopeService scopes,
    IOrganizationService organizations,
    UserManager<CmsUser> users,
    IRoleCatalog roleCatalog,
    DbContext db,
    TimeProvider clock,
    IAuditTrail audit,
    IStringLocalizer<UsersResources> T,
    IStringLocalizer<AdminResources> identityT,
    ILogger<UsersAdminController> logger) : AdminController
{
    public const int PageSize = 20;
    public const int MaxDisplayNameLength = 256;
    public const int MaxEmailLength = 256;
    private const string Base = "/admin/nguoi-dung";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? query,
        [FromQuery(Name = "don-vi")] string? organizationId,
        [FromQuery(Name = "vai-tro")] string? role,
        [FromQuery(Name = "trang")] int page,
        CancellationToken ct)
    {
        if (await scopes.GetAsync(User, ct) is not { } actor)
        {
            return Challenge();
        }

        var all = await organizations.ListAsync(ct);
        var names = all.ToDictionary(o => o.Id, o => o.ShortName ?? o.Name, StringComparer.Ordinal);
        var roles = await roleCatalog.ListAsync(ct);
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        organizationId = string.IsNullOrWhiteSpace(organizationId) ? null : organizationId;
        var chosenRole = roles.FirstOrDefault(r => !r.IsImplicit && r.Name == role);

        var candidates = db.Set<CmsUser>().AsNoTracking();
        if (!actor.IsAdministrator)
        {
            var scope = actor.OrganizationIds.ToList();
            candidates = candidates.Where(u => scope.Contains(u.OrganizationId));
        }

        if (organizationId is not null)
        {
            // The unit and the units below it, as far as they are in scope.
            var chosen = (await organizations.GetSubtreeIdsAsync(organizationId, ct)).Where(actor.InScope).ToList();
            candidates = candidates.Where(u => chosen.Contains(u.OrganizationId));
        }

        if (chosenRole is not null)
        {
            var holders = db.Set<IdentityUserRole<string>>().Where(r => r.RoleId == chosenRole.Id).Select(r => r.UserId);
            candidates = candidates.Where(u => holders.Contains(u.Id));
        }

        var found = await candidates
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.OrganizationId, u.LockoutEnd })
            .ToListAsync(ct);
        if (query is not null)
        {
            // Folded on both sides: "nguyen thi" finds "Nguyễn Thị Lan".
            var folded = Slugs.Fold(query);
            found = found.Where(u => Slugs.Fold($"{u.UserName} {u.DisplayName} {u.Email}").Contains(folded, StringComparison.Ordinal)).ToList();
        }

        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        var total = found.Count;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = found.OrderBy(u => string.IsNullOrEmpty(u.DisplayName) ? u.UserName : u.DisplayName, comparer).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var shownIds = shown.Select(u => u.Id).ToList();
        var roleNames = roles.ToDictionary(r => r.Id, r => r.Name);
        var heldRoles = (await db.Set<IdentityUserRole<string>>().AsNoTracking().Where(r => shownIds.Contains(r.UserId)).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => roleNames.GetValueOrDefault(r.RoleId, "?"));
        var now = clock.GetUtcNow();
        var rows = shown.Select(u => new UserRow(u.Id, u.UserName ?? "", string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? "" : u.DisplayName, u.Email,
                names.GetValueOrDefault(u.OrganizationId), heldRoles[u.Id].Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();

        string UrlFor(int p)
        {
            var parts = new List<string>();
            if (query is not null)
            {
                parts.Add("q=" + Uri.EscapeDataString(query));
            }

            if (organizationId is not null)
            {
                parts.Add("don-vi=" + Uri.EscapeDataString(organizationId));
            }

            if (chosenRole is not null)
            {
                parts.Add("vai-tro=" + Uri.EscapeDataString(chosenRole.Name));
            }

            if (p > 1)
            {
                parts.Add("trang=" + p.ToString(CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? Base : Base + "?" + string.Join("&", parts);
        }

        return View(new UsersIndexView(rows, total, page, pageCount, query, organizationId, chosenRole?.Name,
            ChoosableOrganizations(actor, all, includeInactive: true), roles.Where(r => !r.IsImplicit).ToList(), UrlFor));
    }

    [HttpGet(Base + "/tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "don-vi")] string? organizationId, CancellationToken ct)
    {
        if (await scopes.GetAsync(User, ct) is not { } actor)
        {
            return Challenge();
        }

        var form = new UserForm { OrganizationId = organizationId is not null && actor.InScope(organizationId) ? organizationId : null };
        return View("Edit", await EditViewAsync(actor, null, form, [], ct));
    }

    [HttpPost(Base + "/tao")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken ct)
    {
        if (await scopes.GetAsync(User, ct) is not { } actor)
        {
            return Challenge();
        }

        var roles = await roleCatalog.ListAsync(ct);
        var userName = Clean(form.UserName);
        var user = new CmsUser
        {
            UserName = userName,
            DisplayName = Clean(form.DisplayName) ?? "",
            Email = Clean(form.Email),
            OrganizationId = Clean(form.OrganizationId) ?? "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.EmailConfirmed = user.Email is not null;
        if (userName is null)
        {
            ModelState.AddModelError(nameof(form.UserName), T["Enter a user name."]);
        }
        else
        {
            foreach (var validator in users.UserValidators)
            {
                AddIdentityErrors(await validator.ValidateAsync(users, user));
            }
        }

        await CheckProfileAsync(actor, user, null, ct);
        var wanted = CheckRoles(actor, roles, form.Roles, []);
        if (string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), T["Enter an initial password."]);
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                AddIdentityErrors(await validator.ValidateAsync(users, user, form.Password));
            }

            if (form.Password != form.ConfirmPassword)
            {
                ModelState.AddModelError(nameof(form.ConfirmPassword), T["The two passwords are not the same."]);
            }
        }

        if (ModelState.IsValid)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, form.Password!);
            if (created.Succeeded)
            {
                created = await users.AddToRolesAsync(user, wanted.Select(r => r.Name));
            }

            if (created.Succeeded)
            {
                await PasswordReminder.MarkAsync(users, user);
                await audit.RecordAsync(new AuditEntry
                {
                    Category = AuditCategories.Security, Action = AuditActions.UserCreated, Subject = $"{user.DisplayName} ({user.UserName})",
                    OrganizationId = user.OrganizationId, Details = AuditActions.Changes(wanted.Select(r => r.Name), []),
                }, ct);
                await transaction.CommitAsync(ct);
                logger.LogInformation("User {UserName} created in {OrganizationId} with roles {Roles} by {Actor}",
                    user.UserName, user.OrganizationId, string.Join(",", wanted.Select(r => r.Name)), actor.UserName);
                Flash(T["The account “{0}” has been created. Give the user the initial password; they will be asked to change it.", user.UserName!]);
                return Redirect(Base + "?q=" + Uri.EscapeDataString(user.UserName!));
            }

            await transaction.RollbackAsync(ct);
            AddIdentityErrors(created);
        }

        form.Password = form.ConfirmPassword = null;
        return View("Edit", await EditViewAsync(actor, null, form, [], ct));
    }

    [HttpGet(Base + "/{id}/sua")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var held = await RolesOfAsync(target!);
        return View(await EditViewAsync(actor!, target!, FormOf(target!, held), held, ct));
    }

    [HttpPost(Base + "/{id}/sua")]
    public async Task<IActionResult> Edit(string id, UserForm form, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var roles = await roleCatalog.ListAsync(ct);
        var held = await RolesOfAsync(target!);
        var isSelf = target!.Id == actor!.UserId;
        var changed = new CmsUser
        {
            Id = target.Id,
            UserName = target.UserName,
            DisplayName = Clean(form.DisplayName) ?? "",
            Email = Clean(form.Email),
            OrganizationId = Clean(form.OrganizationId) ?? "",
        };
        await CheckProfileAsync(actor, changed, target, ct);
        var wanted = CheckRoles(actor, roles, form.Roles, held);
        if (isSelf && ModelState.IsValid)
        {
            if (actor.IsAdministrator && !wanted.Any(r => r.IsAdministrator))
            {
                ModelState.AddModelError(nameof(form.Roles), T["You cannot take the Administrator role away from yourself."]);
            }
            else if (!actor.IsAdministrator && !HasUserAdministration(roleCatalog.EffectiveFor(wanted, roles)))
            {
                ModelState.AddModelError(nameof(form.Roles), T["You cannot take away your own access to user administration."]);
            }
        }

        if (!ModelState.IsValid)
        {
            form.UserName = target.UserName;
            return View(await EditViewAsync(actor, target, form, held, ct));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var profileChanges = AuditDetails.Fields(("DisplayName", target.DisplayName, changed.DisplayName), ("Email", target.Email, changed.Email),
            ("OrganizationId", target.OrganizationId, changed.OrganizationId));
        target.DisplayName = changed.DisplayName;
        target.OrganizationId = changed.OrganizationId;
        var result = await users.UpdateAsync(target);
        if (result.Succeeded && !string.Equals(target.Email, changed.Email, StringComparison.Ordinal))
        {
            result = await users.SetEmailAsync(target, changed.Email);
            if (result.Succeeded && changed.Email is not null)
            {
                target.EmailConfirmed = true;
                result = await users.UpdateAsync(target);
            }
        }

        var removed = held.Where(r => !wanted.Contains(r)).Select(r => r.Name).ToList();
        var added = wanted.Where(r => !held.Contains(r)).Select(r => r.Name).ToList();
        if (result.Succeeded && removed.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(target, removed);
        }

        if (result.Succeeded && added.Count > 0)
        {
            result = await users.AddToRolesAsync(target, added);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            AddIdentityErrors(result);
            form.UserName = target.UserName;
            return View(await EditViewAsync(actor, target, form, held, ct));
        }

        if (profileChanges is not null)
        {
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Security, Action = AuditActions.UserEdited, Subject = $"{target.DisplayName} ({target.UserName})",
                OrganizationId = target.OrganizationId, Details = profileChanges,
            }, ct);
        }

        if (added.Count + removed.Count > 0)
        {
            await audit.RecordAsync(new AuditEntry
            {
                Category = AuditCategories.Security, Action = AuditActions.UserRolesChanged, Subject = $"{target.DisplayName} ({target.UserName})",
                OrganizationId = target.OrganizationId, Details = AuditActions.Changes(added, removed),
            }, ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("User {UserName} changed by {Actor}: organisation {OrganizationId}, roles added {Added}, removed {Removed}",
            target.UserName, actor.UserName, target.OrganizationId, string.Join(",", added), string.Join(",", removed));
        Flash(T["The changes to “{0}” have been saved.", target.UserName!]);
        return Redirect($"{Base}/{target.Id}/sua");
    }

    [HttpGet(Base + "/{id}/dat-lai-mat-khau")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct)
    {
        var (actor, target, refusal) = await FindAsync(id, ct, notSelf: true);
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

        if (string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), T["Enter the new password."]);
        }
        else if (form.Password != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), T["The two passwords are not the same."]);
        }

        if (ModelState.IsValid)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var token = await users.GeneratePasswordResetTokenAsync(target!);
            var result = await users.ResetPasswordAsync(target!, token, form.Password!);
            if (result.Succeeded)
            {
                await users.ResetAccessFailedCountAsync(target!);
                await PasswordReminder.MarkAsync(users, target!);
                await audit.RecordAsync(new AuditEntry
                {
                    Category = AuditCategories.Security, Action = AuditActions.PasswordReset, Subject = $"{target!.DisplayName} ({target.UserName})",
                    OrganizationId = target.OrganizationId,
                }, ct);
                await transaction.CommitAsync(ct);
                logger.LogInformation("Password of {UserName} set by {Actor}", target!.UserName, actor!.UserName);
                Flash(T["A new password has been set for “{0}”. Give it to the user; they will be asked to change it.", target.UserName!]);
                return Redirect($"{Base}/{target.Id}/sua");
            }

            await transaction.RollbackAsync(ct);
            AddIdentityErrors(result);
        }

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

        var result = await users.SetLockoutEnabledAsync(target!, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(target!, DateTimeOffset.MaxValue);
        }

        if (result.Succeeded)
        {
            // Ends the user's sessions at the next security stamp check.
            result = await users.UpdateSecurityStampAsync(target!);
        }

        if (!result.Succeeded)
        {
            return await EditWithErrorsAsync(actor!, target!, result, ct);
        }

        await audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Security, Action = AuditActions.UserLocked, Subject = $"{target!.DisplayName} ({target.UserName})",
            OrganizationId = target.OrganizationId,
        }, ct);
        logger.LogInformation("User {UserName} locked by {Actor}", target!.UserName, actor!.UserName);
        Flash(T["The account “{0}” is locked: the user cannot sign in until it is unlocked.", target.UserName!]);
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

        var result = await users.SetLockoutEndDateAsync(target!, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(target!);
        }

        if (!result.Succeeded)
        {
            return await EditWithErrorsAsync(actor!, target!, result, ct);
        }

        await audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Security, Action = AuditActions.UserUnlocked, Subject = $"{target!.DisplayName} ({target.UserName})",
            OrganizationId = target.OrganizationId,
        }, ct);
        logger.LogInformation("User {UserName} unlocked by {Actor}", target!.UserName, actor!.UserName);
        Flash(T["The account “{0}” is unlocked.", target.UserName!]);
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

        if (!actor!.IsAdministrator)
        {
            return Forbid();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await TwoFactorReset.ResetAsync(users, target!);
        await audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Security, Action = AuditActions.TwoFactorReset, Subject = $"{target!.DisplayName} ({target.UserName})",
            OrganizationId = target.OrganizationId,
        }, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Two-step sign-in of {UserName} reset by {Actor}", target.UserName, actor.UserName);
        Flash(T["Two-step sign-in of “{0}” is reset: they sign in with their password and can set it up again.", target.UserName!]);
        return Redirect($"{Base}/{target.Id}/sua");
    }

    private async Task<IActionResult> EditWithErrorsAsync(UserScope actor, CmsUser target, IdentityResult result, CancellationToken ct)
    {
        AddIdentityErrors(result);
        var held = await RolesOfAsync(target);
        return View("Edit", await EditViewAsync(actor, target, FormOf(target, held), held, ct));
    }

    private static UserForm FormOf(CmsUser user, IReadOnlyList<RoleInfo> held) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Email = user.Email,
        OrganizationId = user.OrganizationId,
        Roles = held.Select(r => r.Name).ToList(),
    };

    /// <summary>
    /// The account by id: 404 when it does not exist or is outside the user's scope, 403 when it holds a role the
    /// user may not grant (or, with <paramref name="notSelf"/>, when it is the user's own account).
    /// </summary>
    private async Task<(UserScope? Actor, CmsUser? Target, IActionResult? Refusal)> FindAsync(string id, CancellationToken ct, bool notSelf = false)
    {
        if (await scopes.GetAsync(User, ct) is not { } actor)
        {
            return (null, null, Challenge());
        }

        if (await users.FindByIdAsync(id) is not { } target || !actor.InScope(target.OrganizationId))
        {
            return (actor, null, NotFound());
        }

        if ((notSelf && target.Id == actor.UserId) || !RoleRules.CanManageHolderOf(actor, await RolesOfAsync(target)))
        {
            return (actor, target, Forbid());
        }

        return (actor, target, null);
    }

    private async Task<IReadOnlyList<RoleInfo>> RolesOfAsync(CmsUser user)
    {
        var names = await users.GetRolesAsync(user);
        return (await roleCatalog.ListAsync()).Where(r => names.Contains(r.Name)).ToList();
    }

    /// <summary>Display name, e-mail and organisation (which must be active and in scope when it changes).</summary>
    private async Task CheckProfileAsync(UserScope actor, CmsUser user, CmsUser? before, CancellationToken ct)
    {
        if (user.DisplayName.Length == 0)
        {
            ModelState.AddModelError(nameof(UserForm.DisplayName), T["Enter the person's name."]);
        }
        else if (user.DisplayName.Length > MaxDisplayNameLength)
        {
            ModelState.AddModelError(nameof(UserForm.DisplayName), T["The name may have at most {0} characters.", MaxDisplayNameLength]);
        }

        if (user.Email is { } email && (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var address) || address.Address != email
                                        || !address.Host.Contains('.', StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(UserForm.Email), T["Enter an e-mail address such as ten@truong.edu.vn, or leave it empty."]);
        }

        if (user.OrganizationId.Length == 0)
        {
            ModelState.AddModelError(nameof(UserForm.OrganizationId), T["Choose the unit the user belongs to."]);
        }
        else if (user.OrganizationId != before?.OrganizationId
                 && (await organizations.GetAsync(user.OrganizationId, ct) is not { Active: true } || !actor.InScope(user.OrganizationId)))
        {
            ModelState.AddModelError(nameof(UserForm.OrganizationId), T["Choose an active unit that you manage."]);
        }
    }

    /// <summary>
    /// The roles the user will hold: the ticked ones the acting user may grant, plus those held already that the
    /// acting user may not change.
    /// </summary>
    private List<RoleInfo> CheckRoles(UserScope actor, IReadOnlyList<RoleInfo> roles, IEnumerable<string>? ticked, IReadOnlyList<RoleInfo> held)
    {
        var names = (ticked ?? []).ToHashSet(StringComparer.Ordinal);
        var result = held.Where(r => !RoleRules.CanAssign(actor, r)).ToList();
        foreach (var role in roles.Where(r => names.Contains(r.Name)))
        {
            if (RoleRules.CanAssign(actor, role))
            {
                result.Add(role);
            }
            else if (!held.Contains(role))
            {
                ModelState.AddModelError(nameof(UserForm.Roles), T["You cannot grant the role “{0}”.", RoleText.Name(T, role.Name)]);
            }
        }

        if (names.Any(n => roles.All(r => r.Name != n)))
        {
            ModelState.AddModelError(nameof(UserForm.Roles), T["Choose roles from the list."]);
        }

        if (result.Count == 0 && ModelState.GetFieldValidationState(nameof(UserForm.Roles)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(UserForm.Roles), T["Choose at least one role."]);
        }

        return result.Distinct().ToList();
    }

    private static bool HasUserAdministration(IReadOnlySet<string> permissions)
        => permissions.Contains("AccessAdmin") && permissions.Contains("ManageUsers");

    private void AddIdentityErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.Contains("UserName", StringComparison.Ordinal) => nameof(UserForm.UserName),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(UserForm.Password),
                _ when error.Code.Contains("Email", StringComparison.Ordinal) => nameof(UserForm.Email),
                _ => "",
            };
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == IdentityMessages.Describe(error, identityT)))
            {
                continue;
            }

            ModelState.AddModelError(field, IdentityMessages.Describe(error, identityT));
        }
    }

    private async Task<UserEditView> EditViewAsync(UserScope actor, CmsUser? target, UserForm form, IReadOnlyList<RoleInfo> held, CancellationToken ct)
    {
        var all = await organizations.ListAsync(ct);
        var ticked = (form.Roles ?? []).ToHashSet(StringComparer.Ordinal);
        var roles = (await roleCatalog.ListAsync(ct)).Where(r => !r.IsImplicit)
            .Select(r =>
            {
                var assignable = RoleRules.CanAssign(actor, r);
                return new RoleChoice(r, assignable, assignable ? ticked.Contains(r.Name) : held.Contains(r));
            })
            .Where(c => c.Assignable || c.Checked)
            .ToList();
        var choices = ChoosableOrganizations(actor, all, includeInactive: false)
            .Concat(target is not null && all.FirstOrDefault(o => o.Id == target.OrganizationId) is { Active: false } current
                ? [new OrganizationChoice(current, 0)]
                : [])
            .ToList();
        var lockedUntil = target?.LockoutEnd > clock.GetUtcNow() ? target.LockoutEnd : null;
        return new UserEditView(target, form, choices, roles, target?.Id == actor.UserId, lockedUntil, target?.TwoFactorEnabled == true, actor.IsAdministrator);
    }

    private static IReadOnlyList<OrganizationChoice> ChoosableOrganizations(UserScope actor, IReadOnlyList<Organization> all, bool includeInactive)
        => OrganizationTree.Flatten(OrganizationTree.Build(all, o => actor.InScope(o.Id) && (includeInactive || o.Active)))
            .Select(p => new OrganizationChoice(p.Organization, p.Depth))
            .ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize();
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
        new(T["System"], T["Users"], "/admin/nguoi-dung", "ManageUsers", 910),
        new(T["System"], T["Roles"], "/admin/vai-tro", "ManageRoles", 920),
    ];
}
