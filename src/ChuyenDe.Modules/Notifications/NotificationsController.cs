using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Notifications;

public sealed record NotificationsIndexView(NotificationPage Page, bool UnreadOnly)
{
    public string UrlFor(int page, bool? unreadOnly = null)
    {
        var parts = new List<string>();
        if (unreadOnly ?? UnreadOnly)
        {
            parts.Add("chua-doc=1");
        }

        if (page > 1)
        {
            parts.Add("trang=" + page);
        }

        return NotificationsController.BasePath + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }
}

/// <summary>The signed-in user's own notifications: list, one notification, mark one or all read.</summary>
public sealed class NotificationsController(
    INotificationInbox inbox,
    IStringLocalizer<NotificationsResources> T) : AdminController
{
    public const string BasePath = "/admin/thong-bao";
    public const int PageSize = 20;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index([FromQuery(Name = "trang")] int page = 1, [FromQuery(Name = "chua-doc")] string? unread = null,
        CancellationToken ct = default)
    {
        var unreadOnly = unread is "1" or "true";
        var scope = Scope;

        return View(new NotificationsIndexView(await inbox.ListAsync(scope.UserId, page, PageSize, unreadOnly, ct), unreadOnly));
    }

    [HttpGet(BasePath + "/{id:long}")]
    public async Task<IActionResult> Details(long id, CancellationToken ct)
    {
        var scope = Scope;

        var notification = await inbox.GetAsync(scope.UserId, id, ct);
        return notification is null ? NotFound() : View(notification);
    }

    [HttpPost(BasePath + "/{id:long}/da-doc")]
    public async Task<IActionResult> MarkRead(long id, string? returnUrl, CancellationToken ct)
    {
        var scope = Scope;

        if (!await inbox.MarkReadAsync(scope.UserId, id, ct))
        {
            return NotFound();
        }

        Flash(T["The notification has been marked as read."]);
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    [HttpPost(BasePath + "/da-doc-tat-ca")]
    public async Task<IActionResult> MarkAllRead(string? returnUrl, CancellationToken ct)
    {
        var scope = Scope;

        var changed = await inbox.MarkAllReadAsync(scope.UserId, ct);
        Flash(changed == 0 ? T["You have no unread notifications."] : T["{0} notifications have been marked as read.", changed]);
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private string SafeReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin", StringComparison.Ordinal) ? returnUrl : BasePath;
}

/// <summary>The unread count in the admin header (the <see cref="AdminZones.Header"/> zone).</summary>
public sealed class NotificationBadgeViewComponent(IUserScopeService scopes, INotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (await scopes.GetAsync(UserClaimsPrincipal, HttpContext.RequestAborted) is not { } scope)
        {
            return Content("");
        }

        var unread = await inbox.CountUnreadAsync(scope.UserId, HttpContext.RequestAborted);
        return View("~/Notifications/Views/Notifications/_Badge.cshtml", unread);
    }
}

/// <summary>The dashboard's block of unread notifications (the <see cref="AdminZones.Dashboard"/> zone).</summary>
public sealed class NotificationDashboardViewComponent(IUserScopeService scopes, INotificationInbox inbox) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (await scopes.GetAsync(UserClaimsPrincipal, HttpContext.RequestAborted) is not { } scope)
        {
            return Content("");
        }

        var page = await inbox.ListAsync(scope.UserId, 1, Shown, unreadOnly: true, HttpContext.RequestAborted);
        return View("~/Notifications/Views/Notifications/_Dashboard.cshtml", page);
    }
}

/// <summary>Vietnamese names of the notification kinds the workflow sends; an unknown kind is shown as a plain notification.</summary>
public static class NotificationKinds
{
    public static string Label(IStringLocalizer T, string kind)
    {
        var text = T["Kind:" + kind];
        return text.ResourceNotFound ? T["Notification"] : text.Value;
    }
}
