namespace ChuyenDe.Modules.Notifications;

/// <summary>Makes the transport for a round; a seam for tests.</summary>
internal interface IEmailTransportFactory
{
    IEmailTransport Create(SmtpOptions options);
}
