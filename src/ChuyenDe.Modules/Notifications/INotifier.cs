namespace ChuyenDe.Modules.Notifications;

/// <summary>
/// In-app notifications (always) and e-mail (when SMTP is configured). Records are written through the request's
/// DbContext inside the caller's transaction; e-mails go out after commit from an outbox, never twice.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(NotificationRecipients recipients, NotificationMessage message, CancellationToken ct = default);
}
