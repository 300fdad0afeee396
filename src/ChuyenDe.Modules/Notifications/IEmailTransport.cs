using MimeKit;

namespace ChuyenDe.Modules.Notifications;

/// <summary>Sends e-mails through the configured SMTP server (one connection per round of the outbox).</summary>
internal interface IEmailTransport : IAsyncDisposable
{
    /// <summary>Sends one message; throws <see cref="EmailSendException"/> on failure.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
