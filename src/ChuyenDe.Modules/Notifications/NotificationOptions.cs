namespace ChuyenDe.Modules.Notifications;

/// <summary>How the e-mail server is reached: <c>ChuyenDe:Smtp</c>. Without <see cref="Host"/> notifications are in-app only.</summary>
public sealed class SmtpOptions
{
    public const string Section = "ChuyenDe:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>Auto</c> (TLS on port 465, else STARTTLS when the server offers it), <c>StartTls</c> (required),
    /// <c>SslOnConnect</c> (TLS from the first byte) or <c>None</c> (plain text; only for a server on the same machine). The password is sent only over an encrypted
    /// connection unless <c>None</c> is chosen: with <c>Auto</c> and a server without STARTTLS, e-mails fail with that reason.
    /// </summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? FromAddress { get; set; }
    public string? FromName { get; set; }

    /// <summary>How long one connection, command or message may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>The in-app notifications and the e-mail outbox: <c>ChuyenDe:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "ChuyenDe:Notifications";

    /// <summary>How often the outbox looks for e-mails to send (it is also woken when a notification is written).</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per e-mail before it is marked Failed.</summary>
    public int MaxEmailAttempts { get; set; } = 6;

    /// <summary>Delay after the first failed attempt; doubled after each further one, at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>E-mails sent per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// The public address of the site for links in e-mails, e.g. <c>https://chuyende.example.vn</c>
    /// (from <c>ChuyenDe:PublicBaseUrl</c>). Without it e-mails give the path only.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = RetryBaseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
