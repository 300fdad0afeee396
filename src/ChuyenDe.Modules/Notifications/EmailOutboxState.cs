namespace ChuyenDe.Modules.Notifications;

/// <summary>The e-mail outbox at one moment.</summary>
/// <param name="SmtpConfigured">Whether an SMTP server is configured (<c>ChuyenDe:Smtp:Host</c>); without one nothing is sent.</param>
/// <param name="Pending">E-mails waiting to be sent (now or at a later attempt).</param>
/// <param name="Due">Of those, the ones whose (next) attempt is due now.</param>
/// <param name="OldestDueSinceUtc">Since when the longest-waiting due e-mail has been due (its next attempt, else its creation).</param>
public sealed record EmailOutboxState(bool SmtpConfigured, int Pending, int Due, DateTime? OldestDueSinceUtc);
