namespace ChuyenDe.Modules.Notifications;

/// <summary>Who receives a notification: users by id, and/or every active user of an organisation who holds a permission.</summary>
public sealed record NotificationRecipients
{
    public IReadOnlyCollection<string> UserIds { get; init; } = [];
    public IReadOnlyCollection<(string OrganizationId, string Permission)> OrganizationPermissions { get; init; } = [];
    /// <summary>Users never notified of their own action.</summary>
    public string? ExceptUserId { get; init; }
}
