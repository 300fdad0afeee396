namespace ChuyenDe.Modules.Audit;

/// <summary>What kind of thing an audit entry is about.</summary>
public static class AuditCategories
{
    public const string Content = "Content";           // create, edit, publish, unpublish, delete, restore, discard, clone
    public const string Workflow = "Workflow";         // submit, withdraw, claim, assign, assess, forward, approve, return, reject
    public const string Curation = "Curation";         // exemplary / model site designations, featured order, withdrawals
    public const string Security = "Security";         // users, roles, permissions, locks, password resets
    public const string Organization = "Organization"; // organisation tree changes
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
}

/// <summary>
/// The append-only audit trail. <see cref="RecordAsync"/> writes through the request's DbContext and saves, so inside a
/// transaction the entry commits or rolls back with the change it describes.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct = default);
}
