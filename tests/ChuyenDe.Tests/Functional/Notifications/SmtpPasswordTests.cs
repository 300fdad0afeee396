using ChuyenDe.Modules.Notifications;
using MimeKit;

namespace ChuyenDe.Tests.Functional.Notifications;

/// <summary>The SMTP password never travels in plain text unless <c>Security=None</c> is chosen explicitly.</summary>
public sealed class SmtpPasswordTests
{
    private static SmtpOptions Options(int port, string security) => new()
    {
        Host = "127.0.0.1", Port = port, Security = security, UserName = "khohoclieu@example.edu.vn", Password = "Mat-khau-SMTP-bi-mat",
        FromAddress = "khohoclieu@example.edu.vn", Timeout = TimeSpan.FromSeconds(10),
    };

    private static MimeMessage Message()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("khohoclieu@example.edu.vn"));
        message.To.Add(MailboxAddress.Parse("lan.nguyen@example.edu.vn"));
        message.Subject = "Thử gửi";
        message.Body = new TextPart("plain") { Text = "Nội dung thử." };
        return message;
    }

    [Fact]
    public async Task With_Auto_and_a_server_without_STARTTLS_the_password_is_not_sent_and_the_email_fails_with_the_reason()
    {
        await using var server = new SmtpTestServer(offerAuth: true);
        await using var transport = new MailKitEmailTransport(Options(server.Port, "Auto"));

        var error = await Assert.ThrowsAsync<EmailSendException>(() => transport.SendAsync(Message(), CancellationToken.None));

        Assert.True(error.Permanent);
        Assert.Contains("STARTTLS", error.Message, StringComparison.Ordinal);
        Assert.Contains("Security", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Commands, c => c.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task With_Security_None_chosen_explicitly_the_server_on_the_same_machine_gets_the_credentials()
    {
        await using var server = new SmtpTestServer(offerAuth: true);
        await using var transport = new MailKitEmailTransport(Options(server.Port, "None"));

        await transport.SendAsync(Message(), CancellationToken.None);

        Assert.Contains(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.Single(server.Received);
    }
}
