namespace ChuyenDe.Modules.Notifications;

/// <summary>
/// One notification about one event. <see cref="EventKey"/> identifies the event (e.g. "returned:{itemId}:{transitionId}");
/// a user receives at most one notification per event key, however often it is sent.
/// </summary>
public sealed record NotificationMessage
{
    public required string EventKey { get; init; }

    /// <summary>A stable English kind such as <c>SubmissionReceived</c>, <c>Returned</c>, <c>Approved</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Vietnamese subject line, shown in the list and as the e-mail subject.</summary>
    public required string Subject { get; init; }

    /// <summary>Vietnamese plain text (reasons included), shown in the app and sent as the e-mail body.</summary>
    public required string Body { get; init; }

    public string? ContentItemId { get; init; }

    /// <summary>A site-relative link such as <c>/admin/duyet/{id}</c>.</summary>
    public string? Url { get; init; }
}

/// <summary>Who receives a notification: users by id, and/or every active user of an organisation who holds a permission.</summary>
public sealed record NotificationRecipients
{
    public IReadOnlyCollection<string> UserIds { get; init; } = [];
    public IReadOnlyCollection<(string OrganizationId, string Permission)> OrganizationPermissions { get; init; } = [];
    /// <summary>Users never notified of their own action.</summary>
    public string? ExceptUserId { get; init; }
}

/// <summary>
/// In-app notifications (always) and e-mail (when SMTP is configured). Records are written through the request's
/// DbContext inside the caller's transaction; e-mails go out after commit from an outbox, never twice.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(NotificationRecipients recipients, NotificationMessage message, CancellationToken ct = default);
}

/// <summary>One notification as its recipient sees it.</summary>
public sealed record NotificationView(
    long Id,
    string Kind,
    string Subject,
    string Body,
    string? ContentItemId,
    string? Url,
    DateTime CreatedUtc,
    DateTime? ReadUtc)
{
    public bool IsRead => ReadUtc is not null;
}

/// <summary>A page of a user's notifications, newest first.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// A user's own notifications. Every method takes the user's id and only ever reads or changes that user's
/// notifications: another user's id answers null / false.
/// </summary>
public interface INotificationInbox
{
    Task<int> CountUnreadAsync(string userId, CancellationToken ct = default);

    Task<NotificationPage> ListAsync(string userId, int page, int pageSize, bool unreadOnly = false, CancellationToken ct = default);

    Task<NotificationView?> GetAsync(string userId, long id, CancellationToken ct = default);

    /// <summary>Marks one notification read; false when the user has no notification with this id.</summary>
    Task<bool> MarkReadAsync(string userId, long id, CancellationToken ct = default);

    /// <summary>Marks every unread notification of the user read; returns how many changed.</summary>
    Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default);
}
