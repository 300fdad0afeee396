namespace ChuyenDe.Modules.Audit;

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
