namespace ChuyenDe.Modules.Notifications;

/// <summary>How full the e-mail outbox is and how long its oldest due e-mail has waited (for health checks and metrics).</summary>
public interface IEmailOutboxStatus
{
    Task<EmailOutboxState> GetStateAsync(CancellationToken ct = default);
}
