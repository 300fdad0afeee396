using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Users;

/// <summary>
/// Lists, creates and edits accounts for the admin, sets new passwords, locks and unlocks, resets two-step sign-in.
/// A user manages only accounts of their own subtree and only into it (administrators: all), and only accounts that
/// hold no more than they may grant. Each change and its audit entry are one transaction where Identity allows.
/// </summary>
public interface IUsersAdminService
{
    /// <summary>One page of the accounts in the user's scope, filtered by a folded text, a unit (and those below it) and a role.</summary>
    Task<UserListing> ListAsync(UserScope actor, string? query, string? organizationId, string? role, int page, CancellationToken ct);

    /// <summary>The account by id: <see cref="UserAccess.NotFound"/> when it does not exist or is outside the user's scope,
    /// <see cref="UserAccess.Forbidden"/> when it holds a role the user may not grant (or, with <paramref name="notSelf"/>, is their own).</summary>
    Task<(CmsUser? Target, UserAccess Access)> FindAsync(UserScope actor, string id, bool notSelf, CancellationToken ct);

    /// <summary>The roles the account holds, as the role catalog describes them.</summary>
    Task<IReadOnlyList<RoleInfo>> RolesOfAsync(CmsUser user);

    /// <summary>The form's content for an existing account.</summary>
    UserForm FormOf(CmsUser user, IReadOnlyList<RoleInfo> held);

    /// <summary>What the create or edit page shows: the units and roles the user may choose, the account's lock.</summary>
    Task<UserEditView> EditViewAsync(UserScope actor, CmsUser? target, UserForm form, IReadOnlyList<RoleInfo> held, CancellationToken ct);

    /// <summary>Creates an account with an initial password that its holder must change.</summary>
    Task<(CmsUser? Created, UserAdminChange Change)> CreateAsync(UserScope actor, UserForm form, CancellationToken ct);

    /// <summary>Changes name, e-mail, unit and roles; the roles the user may not change stay as they are.</summary>
    Task<UserAdminChange> UpdateAsync(UserScope actor, CmsUser target, IReadOnlyList<RoleInfo> held, UserForm form, CancellationToken ct);

    /// <summary>Sets a new password that its holder must change.</summary>
    Task<UserAdminChange> ResetPasswordAsync(UserScope actor, CmsUser target, UserForm form, CancellationToken ct);

    /// <summary>Locks the account until it is unlocked and ends its sessions.</summary>
    Task<UserAdminChange> LockAsync(UserScope actor, CmsUser target, CancellationToken ct);

    Task<UserAdminChange> UnlockAsync(UserScope actor, CmsUser target, CancellationToken ct);

    /// <summary>Turns off the account's two-step sign-in (administrators only).</summary>
    Task<UserAdminChange> ResetTwoFactorAsync(UserScope actor, CmsUser target, CancellationToken ct);
}
