using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ChuyenDe.Modules.Notifications;

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
