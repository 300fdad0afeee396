using MimeKit;

namespace ChuyenDe.Modules.Notifications;

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
