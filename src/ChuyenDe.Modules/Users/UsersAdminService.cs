using System.Globalization;
using System.Net.Mail;
using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Audit;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Users;

internal sealed class UsersAdminService(
    IOrganizationService organizations,
    UserManager<CmsUser> users,
    IRoleCatalog roleCatalog,
    DbContext db,
    TimeProvider clock,
    IAuditTrail audit,
    IStringLocalizer<UsersResources> T,
    IStringLocalizer<AdminResources> identityT,
    ILogger<UsersAdminService> logger) : IUsersAdminService
{
    public const int PageSize = 20;
    public const int MaxDisplayNameLength = 256;
    public const int MaxEmailLength = 256;

    public async Task<UserListing> ListAsync(UserScope actor, string? query, string? organizationId, string? role, int page, CancellationToken ct)
    {
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
        var shown = found.OrderBy(u => string.IsNullOrEmpty(u.DisplayName) ? u.UserName : u.DisplayName, comparer).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .ToPagedResult(page, PageSize);
        var shownIds = shown.Items.Select(u => u.Id).ToList();
        var roleNames = roles.ToDictionary(r => r.Id, r => r.Name);
        var heldRoles = (await db.Set<IdentityUserRole<string>>().AsNoTracking().Where(r => shownIds.Contains(r.UserId)).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => roleNames.GetValueOrDefault(r.RoleId, "?"));
        var now = clock.GetUtcNow();
        var rows = shown.Items.Select(u => new UserRow(u.Id, u.UserName ?? "", string.IsNullOrEmpty(u.DisplayName) ? u.UserName ?? "" : u.DisplayName, u.Email,
                names.GetValueOrDefault(u.OrganizationId), heldRoles[u.Id].Order(StringComparer.Ordinal).ToList(),
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
        return new UserListing(rows, shown.Total, shown.Page, shown.PageCount, query, organizationId, chosenRole?.Name,
            ChoosableOrganizations(actor, all, includeInactive: true), roles.Where(r => !r.IsImplicit).ToList());
    }

    public async Task<(CmsUser? Target, UserAccess Access)> FindAsync(UserScope actor, string id, bool notSelf, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } target || !actor.InScope(target.OrganizationId))
        {
            return (null, UserAccess.NotFound);
        }

        if ((notSelf && target.Id == actor.UserId) || !RoleRules.CanManageHolderOf(actor, await RolesOfAsync(target)))
        {
            return (target, UserAccess.Forbidden);
        }

        return (target, UserAccess.Found);
    }

    public async Task<IReadOnlyList<RoleInfo>> RolesOfAsync(CmsUser user)
    {
        var names = await users.GetRolesAsync(user);
        return (await roleCatalog.ListAsync()).Where(r => names.Contains(r.Name)).ToList();
    }

    public UserForm FormOf(CmsUser user, IReadOnlyList<RoleInfo> held) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Email = user.Email,
        OrganizationId = user.OrganizationId,
        Roles = held.Select(r => r.Name).ToList(),
    };

    public async Task<UserEditView> EditViewAsync(UserScope actor, CmsUser? target, UserForm form, IReadOnlyList<RoleInfo> held, CancellationToken ct)
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

    public async Task<(CmsUser? Created, UserAdminChange Change)> CreateAsync(UserScope actor, UserForm form, CancellationToken ct)
    {
        var errors = new UserFormErrors(identityT);
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
            errors.Add(nameof(form.UserName), T["Enter a user name."]);
        }
        else
        {
            foreach (var validator in users.UserValidators)
            {
                errors.AddIdentity(await validator.ValidateAsync(users, user));
            }
        }

        await CheckProfileAsync(actor, user, null, errors, ct);
        var wanted = CheckRoles(actor, roles, form.Roles, [], errors);
        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(nameof(form.Password), T["Enter an initial password."]);
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddIdentity(await validator.ValidateAsync(users, user, form.Password));
            }

            if (form.Password != form.ConfirmPassword)
            {
                errors.Add(nameof(form.ConfirmPassword), T["The two passwords are not the same."]);
            }
        }

        if (errors.Any)
        {
            return (null, new UserAdminChange(errors.All));
        }

        var created = await db.InTransactionAsync(async () =>
        {
            var result = await users.CreateAsync(user, form.Password!);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, wanted.Select(r => r.Name));
            }

            if (result.Succeeded)
            {
                await PasswordReminder.MarkAsync(users, user);
                await RecordAsync(AuditActions.UserCreated, user, AuditActions.Changes(wanted.Select(r => r.Name), []), ct);
            }

            return result;
        }, result => result.Succeeded, ct);
        if (!created.Succeeded)
        {
            errors.AddIdentity(created);
            return (null, new UserAdminChange(errors.All));
        }

        logger.LogInformation("User {UserName} created in {OrganizationId} with roles {Roles} by {Actor}",
            user.UserName, user.OrganizationId, string.Join(",", wanted.Select(r => r.Name)), actor.UserName);
        return (user, UserAdminChange.Done);
    }

    public async Task<UserAdminChange> UpdateAsync(UserScope actor, CmsUser target, IReadOnlyList<RoleInfo> held, UserForm form, CancellationToken ct)
    {
        var errors = new UserFormErrors(identityT);
        var roles = await roleCatalog.ListAsync(ct);
        var isSelf = target.Id == actor.UserId;
        var changed = new CmsUser
        {
            Id = target.Id,
            UserName = target.UserName,
            DisplayName = Clean(form.DisplayName) ?? "",
            Email = Clean(form.Email),
            OrganizationId = Clean(form.OrganizationId) ?? "",
        };
        await CheckProfileAsync(actor, changed, target, errors, ct);
        var wanted = CheckRoles(actor, roles, form.Roles, held, errors);
        if (isSelf && !errors.Any)
        {
            if (actor.IsAdministrator && !wanted.Any(r => r.IsAdministrator))
            {
                errors.Add(nameof(form.Roles), T["You cannot take the Administrator role away from yourself."]);
            }
            else if (!actor.IsAdministrator && !HasUserAdministration(roleCatalog.EffectiveFor(wanted, roles)))
            {
                errors.Add(nameof(form.Roles), T["You cannot take away your own access to user administration."]);
            }
        }

        if (errors.Any)
        {
            return new UserAdminChange(errors.All);
        }

        var profileChanges = AuditDetails.Fields(("DisplayName", target.DisplayName, changed.DisplayName), ("Email", target.Email, changed.Email),
            ("OrganizationId", target.OrganizationId, changed.OrganizationId));
        var removed = held.Where(r => !wanted.Contains(r)).Select(r => r.Name).ToList();
        var added = wanted.Where(r => !held.Contains(r)).Select(r => r.Name).ToList();
        var updated = await db.InTransactionAsync(async () =>
        {
            var result = await ApplyProfileAndRolesAsync(target, changed, removed, added);
            if (result.Succeeded && profileChanges is not null)
            {
                await RecordAsync(AuditActions.UserEdited, target, profileChanges, ct);
            }

            if (result.Succeeded && added.Count + removed.Count > 0)
            {
                await RecordAsync(AuditActions.UserRolesChanged, target, AuditActions.Changes(added, removed), ct);
            }

            return result;
        }, result => result.Succeeded, ct);
        if (!updated.Succeeded)
        {
            errors.AddIdentity(updated);
            return new UserAdminChange(errors.All);
        }

        logger.LogInformation("User {UserName} changed by {Actor}: organisation {OrganizationId}, roles added {Added}, removed {Removed}",
            target.UserName, actor.UserName, target.OrganizationId, string.Join(",", added), string.Join(",", removed));
        return UserAdminChange.Done;
    }

    /// <summary>The profile, e-mail and role changes of an edit, through the user manager; stops at the first failure.</summary>
    private async Task<IdentityResult> ApplyProfileAndRolesAsync(CmsUser target, CmsUser changed, List<string> removed, List<string> added)
    {
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

        if (result.Succeeded && removed.Count > 0)
        {
            result = await users.RemoveFromRolesAsync(target, removed);
        }

        if (result.Succeeded && added.Count > 0)
        {
            result = await users.AddToRolesAsync(target, added);
        }

        return result;
    }

    public async Task<UserAdminChange> ResetPasswordAsync(UserScope actor, CmsUser target, UserForm form, CancellationToken ct)
    {
        var errors = new UserFormErrors(identityT);
        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(nameof(form.Password), T["Enter the new password."]);
        }
        else if (form.Password != form.ConfirmPassword)
        {
            errors.Add(nameof(form.ConfirmPassword), T["The two passwords are not the same."]);
        }

        if (errors.Any)
        {
            return new UserAdminChange(errors.All);
        }

        var reset = await db.InTransactionAsync(async () =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(target);
            var result = await users.ResetPasswordAsync(target, token, form.Password!);
            if (result.Succeeded)
            {
                await users.ResetAccessFailedCountAsync(target);
                await PasswordReminder.MarkAsync(users, target);
                await RecordAsync(AuditActions.PasswordReset, target, ct);
            }

            return result;
        }, result => result.Succeeded, ct);
        if (!reset.Succeeded)
        {
            errors.AddIdentity(reset);
            return new UserAdminChange(errors.All);
        }

        logger.LogInformation("Password of {UserName} set by {Actor}", target.UserName, actor.UserName);
        return UserAdminChange.Done;
    }

    public async Task<UserAdminChange> LockAsync(UserScope actor, CmsUser target, CancellationToken ct)
    {
        var result = await users.SetLockoutEnabledAsync(target, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(target, DateTimeOffset.MaxValue);
        }

        if (result.Succeeded)
        {
            // Ends the user's sessions at the next security stamp check.
            result = await users.UpdateSecurityStampAsync(target);
        }

        if (!result.Succeeded)
        {
            return IdentityFailure(result);
        }

        await RecordAsync(AuditActions.UserLocked, target, ct);
        logger.LogInformation("User {UserName} locked by {Actor}", target.UserName, actor.UserName);
        return UserAdminChange.Done;
    }

    public async Task<UserAdminChange> UnlockAsync(UserScope actor, CmsUser target, CancellationToken ct)
    {
        var result = await users.SetLockoutEndDateAsync(target, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(target);
        }

        if (!result.Succeeded)
        {
            return IdentityFailure(result);
        }

        await RecordAsync(AuditActions.UserUnlocked, target, ct);
        logger.LogInformation("User {UserName} unlocked by {Actor}", target.UserName, actor.UserName);
        return UserAdminChange.Done;
    }

    public async Task<UserAdminChange> ResetTwoFactorAsync(UserScope actor, CmsUser target, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return UserAdminChange.Refused();
        }

        await db.InTransactionAsync(async () =>
        {
            await TwoFactorReset.ResetAsync(users, target);
            await RecordAsync(AuditActions.TwoFactorReset, target, ct);
        }, ct);
        logger.LogInformation("Two-step sign-in of {UserName} reset by {Actor}", target.UserName, actor.UserName);
        return UserAdminChange.Done;
    }

    /// <summary>A security entry of the audit trail about a user account.</summary>
    private Task RecordAsync(string action, CmsUser user, CancellationToken ct) => RecordAsync(action, user, null, ct);

    private Task RecordAsync(string action, CmsUser user, string? details, CancellationToken ct)
        => audit.RecordAsync(new AuditEntry
        {
            Category = AuditCategories.Security, Action = action, Subject = $"{user.DisplayName} ({user.UserName})",
            OrganizationId = user.OrganizationId, Details = details,
        }, ct);

    private UserAdminChange IdentityFailure(IdentityResult result)
    {
        var errors = new UserFormErrors(identityT);
        errors.AddIdentity(result);
        return new UserAdminChange(errors.All);
    }

    /// <summary>Display name, e-mail and organisation (which must be active and in scope when it changes).</summary>
    private async Task CheckProfileAsync(UserScope actor, CmsUser user, CmsUser? before, UserFormErrors errors, CancellationToken ct)
    {
        if (user.DisplayName.Length == 0)
        {
            errors.Add(nameof(UserForm.DisplayName), T["Enter the person's name."]);
        }
        else if (user.DisplayName.Length > MaxDisplayNameLength)
        {
            errors.Add(nameof(UserForm.DisplayName), T["The name may have at most {0} characters.", MaxDisplayNameLength]);
        }

        if (user.Email is { } email && (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var address) || address.Address != email
                                        || !address.Host.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add(nameof(UserForm.Email), T["Enter an e-mail address such as ten@truong.edu.vn, or leave it empty."]);
        }

        if (user.OrganizationId.Length == 0)
        {
            errors.Add(nameof(UserForm.OrganizationId), T["Choose the unit the user belongs to."]);
        }
        else if (user.OrganizationId != before?.OrganizationId
                 && (await organizations.GetAsync(user.OrganizationId, ct) is not { Active: true } || !actor.InScope(user.OrganizationId)))
        {
            errors.Add(nameof(UserForm.OrganizationId), T["Choose an active unit that you manage."]);
        }
    }

    /// <summary>
    /// The roles the user will hold: the ticked ones the acting user may grant, plus those held already that the
    /// acting user may not change.
    /// </summary>
    private List<RoleInfo> CheckRoles(UserScope actor, IReadOnlyList<RoleInfo> roles, IEnumerable<string>? ticked, IReadOnlyList<RoleInfo> held,
        UserFormErrors errors)
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
                errors.Add(nameof(UserForm.Roles), T["You cannot grant the role “{0}”.", RoleText.Name(T, role.Name)]);
            }
        }

        if (names.Any(n => roles.All(r => r.Name != n)))
        {
            errors.Add(nameof(UserForm.Roles), T["Choose roles from the list."]);
        }

        if (result.Count == 0 && !errors.HasErrorOn(nameof(UserForm.Roles)))
        {
            errors.Add(nameof(UserForm.Roles), T["Choose at least one role."]);
        }

        return result.Distinct().ToList();
    }

    private static bool HasUserAdministration(IReadOnlySet<string> permissions)
        => permissions.Contains(AdminPermissions.AccessAdmin) && permissions.Contains(UsersPermissions.ManageUsers);

    private static IReadOnlyList<OrganizationChoice> ChoosableOrganizations(UserScope actor, IReadOnlyList<Organization> all, bool includeInactive)
        => OrganizationTree.Flatten(OrganizationTree.Build(all, o => actor.InScope(o.Id) && (includeInactive || o.Active)))
            .Select(p => new OrganizationChoice(p.Organization, p.Depth))
            .ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize();
}
