namespace ChuyenDe.Modules.Notifications;

internal sealed class MailKitEmailTransportFactory : IEmailTransportFactory
{
    public IEmailTransport Create(SmtpOptions options) => new MailKitEmailTransport(options);
}
