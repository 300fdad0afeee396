using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Notifications;

/// <summary>A page of a user's notifications, newest first.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int Total, int Unread)
{
    public int PageCount => PagedResult.PageCount(Total, PageSize);
}
