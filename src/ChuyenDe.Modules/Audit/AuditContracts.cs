namespace ChuyenDe.Modules.Audit;

/// <summary>What kind of thing an audit entry is about.</summary>
public static class AuditCategories
{
    public const string Content = "Content";           // create, edit, publish, unpublish, delete, restore, discard, clone
    public const string Workflow = "Workflow";         // submit, withdraw, claim, assign, assess, forward, approve, return, reject
    public const string Curation = "Curation";         // exemplary / model site designations, featured order, withdrawals
    public const string Security = "Security";         // users, roles, permissions, locks, password resets
    public const string Organization = "Organization"; // organisation tree changes

    public static IReadOnlyList<string> All { get; } = [Content, Workflow, Curation, Security, Organization];
}

/// <summary>
/// One thing that happened. The trail adds who did it (user id, user name and organisation, from
/// <see cref="ActorUserId"/> or else the signed-in user, else "system") and when.
/// </summary>
public sealed record AuditEntry
{
    public required string Category { get; init; }

    /// <summary>A stable English verb such as <c>Published</c>, <c>Returned</c>, <c>RoleChanged</c>; the UI translates it.</summary>
    public required string Action { get; init; }

    public string? ContentItemId { get; init; }
    public string? ContentType { get; init; }

    /// <summary>What the entry is about in words: an item's title, a user's name, a role's name.</summary>
    public string? Subject { get; init; }

    /// <summary>The organisation the subject belongs to (an item's organisation, a user's organisation); scopes who may read the entry.</summary>
    public string? OrganizationId { get; init; }

    public string? VersionBefore { get; init; }
    public string? VersionAfter { get; init; }

    /// <summary>Reasons given (returns, rejections, withdrawals), as shown to users.</summary>
    public string? Reasons { get; init; }

    /// <summary>Anything else worth keeping, short text (e.g. "Cấp quận/huyện → Sở", "+PublishContent −EditContent").</summary>
    public string? Details { get; init; }

    public string? ActorUserId { get; init; }
    public string? ActorUserName { get; init; }

    /// <summary>The actor's organisation when <see cref="ActorUserId"/> is given and is not the signed-in user.</summary>
    public string? ActorOrganizationId { get; init; }
}

/// <summary>
/// The actions the trail knows by name (the admin page translates these; any other verb is shown as it is).
/// Callers may use other stable English verbs.
/// </summary>
public static class AuditActions
{
    // Content
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string DraftDiscarded = "DraftDiscarded";
    public const string Removed = "Removed";
    public const string Restored = "Restored";
    public const string Cloned = "Cloned";

    // Workflow
    public const string Submitted = "Submitted";
    public const string Withdrawn = "Withdrawn";
    public const string Claimed = "Claimed";
    public const string Unclaimed = "Unclaimed";
    public const string Assigned = "Assigned";
    public const string Reassigned = "Reassigned";
    public const string Unassigned = "Unassigned";
    public const string Assessed = "Assessed";
    public const string ReviewStarted = "ReviewStarted";
    public const string Forwarded = "Forwarded";
    public const string Approved = "Approved";
    public const string Returned = "Returned";
    public const string Rejected = "Rejected";

    // Curation
    public const string MarkedExemplary = "MarkedExemplary";
    public const string ExemplaryWithdrawn = "ExemplaryWithdrawn";
    public const string DesignatedModelSite = "DesignatedModelSite";
    public const string ModelSiteWithdrawn = "ModelSiteWithdrawn";
    public const string FeaturedOrderChanged = "FeaturedOrderChanged";

    // Security
    public const string UserCreated = "UserCreated";
    public const string UserEdited = "UserEdited";
    public const string UserRolesChanged = "UserRolesChanged";
    public const string UserLocked = "UserLocked";
    public const string UserUnlocked = "UserUnlocked";
    public const string PasswordReset = "PasswordReset";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string RoleCreated = "RoleCreated";
    public const string RoleEdited = "RoleEdited";
    public const string RolePermissionsChanged = "RolePermissionsChanged";

    // Organisations
    public const string OrganizationCreated = "OrganizationCreated";
    public const string OrganizationRenamed = "OrganizationRenamed";
    public const string OrganizationMoved = "OrganizationMoved";
    public const string OrganizationDeactivated = "OrganizationDeactivated";
    public const string OrganizationReactivated = "OrganizationReactivated";
    public const string OrganizationDeleted = "OrganizationDeleted";

    /// <summary>Every action above, in this order (the filter's choices).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>"+A +B −C": what was added and what was removed, each sorted.</summary>
    public static string? Changes(IEnumerable<string> added, IEnumerable<string> removed)
    {
        var parts = added.Order(StringComparer.Ordinal).Select(a => "+" + a)
            .Concat(removed.Order(StringComparer.Ordinal).Select(r => "\u2212" + r))
            .ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}

/// <summary>
/// The append-only audit trail. <see cref="RecordAsync"/> writes through the request's DbContext and saves, so inside a
/// transaction the entry commits or rolls back with the change it describes.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct = default);
}

/// <summary>Short, language-neutral descriptions of what changed, for <see cref="AuditEntry.Details"/>.</summary>
public static class AuditDetails
{
    /// <summary>"Name: before → after; Other: before → after" for the fields that changed, or null when none did.</summary>
    public static string? Fields(params (string Name, string? Before, string? After)[] fields)
    {
        var changed = fields.Where(f => !string.Equals(f.Before ?? "", f.After ?? "", StringComparison.Ordinal))
            .Select(f => $"{f.Name}: {(string.IsNullOrEmpty(f.Before) ? "\u2205" : f.Before)} \u2192 {(string.IsNullOrEmpty(f.After) ? "\u2205" : f.After)}")
            .ToList();
        return changed.Count == 0 ? null : string.Join("; ", changed);
    }
}
