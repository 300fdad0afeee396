using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Modules.Notifications;

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
