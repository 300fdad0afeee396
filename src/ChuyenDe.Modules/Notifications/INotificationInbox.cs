namespace ChuyenDe.Modules.Notifications;

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
