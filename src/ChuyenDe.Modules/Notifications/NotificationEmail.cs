using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChuyenDe.Modules.Notifications;

/// <summary>The text of one notification e-mail.</summary>
internal sealed record NotificationEmailContent(string Subject, string TextBody, string HtmlBody);

/// <summary>Writes the Vietnamese e-mail of a notification: greeting, the notification's text (reasons included), the link.</summary>
internal sealed class NotificationEmailComposer(IStringLocalizer<NotificationsResources> T, IOptions<NotificationOptions> options)
{
    /// <summary>Vietnamese letters stay letters in the HTML part (it is sent as UTF-8); markup characters are escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public NotificationEmailContent Compose(NotificationRecord record, string recipientName, string siteName)
    {
        var link = AbsoluteLink(record.Url);
        var text = new StringBuilder();
        text.Append(T["Dear {0},", recipientName]).Append("\r\n\r\n");
        text.Append(record.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal).Trim()).Append("\r\n");
        if (link is not null)
        {
            text.Append("\r\n").Append(T["See it here: {0}", link]).Append("\r\n");
        }

        text.Append("\r\n-- \r\n").Append(T["This message was sent automatically by {0}. Your notifications are also listed in the administration area.", siteName]).Append("\r\n");

        var html = new StringBuilder();
        var encoder = Encoder;
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Append(encoder.Encode(record.Subject)).Append("</title></head><body>");
        html.Append("<p>").Append(encoder.Encode(T["Dear {0},", recipientName])).Append("</p>");
        foreach (var paragraph in record.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(encoder.Encode))).Append("</p>");
        }

        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(encoder.Encode(link)).Append("\">").Append(encoder.Encode(T["Open it on the site"])).Append("</a></p>");
        }

        html.Append("<hr><p style=\"color:#555;font-size:90%\">")
            .Append(encoder.Encode(T["This message was sent automatically by {0}. Your notifications are also listed in the administration area.", siteName]))
            .Append("</p></body></html>");
        return new NotificationEmailContent(record.Subject, text.ToString(), html.ToString());
    }

    /// <summary>The link with the site's public address in front, or the bare path when no address is configured.</summary>
    public string? AbsoluteLink(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var baseUrl = options.Value.PublicBaseUrl?.Trim().TrimEnd('/');
        return string.IsNullOrEmpty(baseUrl) ? url : baseUrl + url;
    }
}

/// <summary>An e-mail that could not be sent; <see cref="Permanent"/> when trying again cannot help.</summary>
internal sealed class EmailSendException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>Sends e-mails through the configured SMTP server (one connection per round of the outbox).</summary>
internal interface IEmailTransport : IAsyncDisposable
{
    /// <summary>Sends one message; throws <see cref="EmailSendException"/> on failure.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

internal sealed class MailKitEmailTransport(SmtpOptions options) : IEmailTransport
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            var client = await ConnectAsync(ct);
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            throw new EmailSendException($"The server refused the recipient: {(int)ex.StatusCode} {ex.Message}", permanent: true, ex);
        }
        catch (EmailSendException)
        {
            await DropAsync();
            throw;
        }
        catch (SmtpCommandException ex)
        {
            await DropAsync();
            throw new EmailSendException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: false, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await DropAsync();
            throw new EmailSendException(ex.Message, permanent: false, ex);
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        await DropAsync();
        var client = new SmtpClient { Timeout = (int)Math.Clamp(options.Timeout.TotalMilliseconds, 1000, int.MaxValue) };
        _client = client;
        var security = options.Security.Trim().ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(options.Host?.Trim() ?? "", options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            if (!client.IsSecure && security != SecureSocketOptions.None)
            {
                // Auto connected in plain text because the server offers no STARTTLS: the password would travel unencrypted.
                throw new EmailSendException(
                    $"The SMTP server {options.Host}:{options.Port} offers no encryption (STARTTLS), so the password was not sent. "
                    + $"Use a server with TLS, or set {SmtpOptions.Section}:Security to None explicitly for a server on the same machine.",
                    permanent: true);
            }

            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }

        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        var client = _client;
        _client = null;
        try
        {
            if (client.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quick.Token);
            }
        }
        catch (Exception)
        {
            // The connection is going away anyway.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}

/// <summary>Makes the transport for a round; a seam for tests.</summary>
internal interface IEmailTransportFactory
{
    IEmailTransport Create(SmtpOptions options);
}

internal sealed class MailKitEmailTransportFactory : IEmailTransportFactory
{
    public IEmailTransport Create(SmtpOptions options) => new MailKitEmailTransport(options);
}

internal static class NotificationMime
{
    public static MimeMessage Build(NotificationEmailContent content, SmtpOptions smtp, string siteName, string toName, string toAddress)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(smtp.FromName) ? siteName : smtp.FromName, FromAddress(smtp)));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = content.Subject;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = content.TextBody, HtmlBody = content.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The configured sender, else the SMTP user name when it is an address, else no-reply at the server's domain.</summary>
    public static string FromAddress(SmtpOptions smtp)
        => !string.IsNullOrWhiteSpace(smtp.FromAddress) ? smtp.FromAddress.Trim()
            : smtp.UserName?.Contains('@') == true ? smtp.UserName.Trim()
            : "no-reply@" + (smtp.Host ?? "localhost").Trim();
}
