namespace ChuyenDe.Modules.Notifications;

/// <summary>One notification as its recipient sees it.</summary>
public sealed record NotificationView(
    long Id,
    string Kind,
    string Subject,
    string Body,
    string? ContentItemId,
    string? Url,
    DateTime CreatedUtc,
    DateTime? ReadUtc)
{
    public bool IsRead => ReadUtc is not null;
}
