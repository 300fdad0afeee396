namespace ChuyenDe.Modules.Notifications;

/// <summary>The text of one notification e-mail.</summary>
internal sealed record NotificationEmailContent(string Subject, string TextBody, string HtmlBody);
