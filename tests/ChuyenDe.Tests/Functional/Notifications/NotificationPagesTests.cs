using System.Net;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Tests.Functional.Admin;
using Microsoft.Extensions.DependencyInjection;
using static ChuyenDe.Tests.Functional.Notifications.NotificationSupport;

namespace ChuyenDe.Tests.Functional.Notifications;

/// <summary>/admin/thong-bao and the dashboard block: each user sees and changes only their own notifications.</summary>
public sealed class NotificationPagesTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>
{
    private const string Page = "/admin/thong-bao";

    [Fact]
    public async Task The_list_shows_the_users_own_notifications_with_reasons_and_never_another_users()
    {
        var (mine, theirs) = await TwoNotificationsAsync();
        var client = await SystemAdmin.As(site.Factory, Accounts.Contributor);

        var (status, page) = await client.GetPageAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Thông báo", SystemAdmin.Text(page, "h1"));
        var item = page.QuerySelectorAll("li.notification").Single(li => li.TextContent.Contains(mine.Subject, StringComparison.Ordinal));
        Assert.Contains("Lý do: Thiếu minh chứng hình ảnh", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trả lại để chỉnh sửa", item.TextContent, StringComparison.Ordinal); // the kind in words
        Assert.Contains("unread", item.ClassList);
        Assert.NotNull(item.QuerySelector("a[href='/admin/noi-dung/abc123/sua']"));
        Assert.DoesNotContain(theirs.Subject, page.Body!.TextContent, StringComparison.Ordinal);

        // The other user's notification, by its id: not found, for reading and for marking.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"{Page}/{theirs.Id}")).Status);
        using var mark = await SystemAdmin.PostAsync(client, Page, $"{Page}/{theirs.Id}/da-doc");
        Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        Assert.Null((await RecordAsync(theirs.Id)).ReadUtc);

        // Its owner does see it.
        var owner = await SystemAdmin.As(site.Factory, Accounts.DistrictCurator);
        var (ownerStatus, ownerPage) = await owner.GetPageAsync($"{Page}/{theirs.Id}");
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.Contains(theirs.Subject, ownerPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_one_read_and_then_all_read()
    {
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var first = await AddAsync(author, "Sáng kiến “Bé tự phục vụ” đã được duyệt", "Approved");
        var second = await AddAsync(author, "Sáng kiến “Đêm hội trăng rằm” bị trả lại", "Returned");
        var client = await SystemAdmin.As(site.Factory, Accounts.Contributor);

        using var one = await SystemAdmin.PostAsync(client, Page, $"{Page}/{first.Id}/da-doc", ("returnUrl", Page));
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(Page, SystemAdmin.Location(one));
        Assert.NotNull((await RecordAsync(first.Id)).ReadUtc);
        Assert.Null((await RecordAsync(second.Id)).ReadUtc);

        var (_, page) = await client.GetPageAsync(Page);
        Assert.Contains("Đã đánh dấu thông báo là đã đọc.", page.QuerySelector(".flash")?.TextContent ?? "", StringComparison.Ordinal);
        var firstItem = page.QuerySelectorAll("li.notification").Single(li => li.TextContent.Contains(first.Subject, StringComparison.Ordinal));
        Assert.DoesNotContain("unread", firstItem.ClassList);
        Assert.Null(firstItem.QuerySelector("form"));

        var (_, unreadPage) = await client.GetPageAsync(Page + "?chua-doc=1");
        Assert.DoesNotContain(first.Subject, unreadPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(second.Subject, unreadPage.Body!.TextContent, StringComparison.Ordinal);

        using var all = await SystemAdmin.PostAsync(client, Page, $"{Page}/da-doc-tat-ca");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.NotNull((await RecordAsync(second.Id)).ReadUtc);
        var (_, after) = await client.GetPageAsync(Page + "?chua-doc=1");
        Assert.Contains("Bạn không có thông báo nào chưa đọc.", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("li.notification"));
    }

    [Fact]
    public async Task The_dashboard_lists_unread_notifications_newest_first_with_their_reasons()
    {
        var curator = await SystemAdmin.UserIdAsync(site, Accounts.OtherDistrictCurator);
        var older = await AddAsync(curator, "Trường MN Cửu Long gửi sáng kiến mới", "SubmissionReceived", body: "Người gửi: Bùi Thị Thu Hương.");
        await Task.Delay(20);
        var newer = await AddAsync(curator, "Sở trả lại đề xuất của Phòng", "Returned", body: "Lý do: Cần bổ sung biên bản đánh giá cấp huyện.");
        var client = await SystemAdmin.As(site.Factory, Accounts.OtherDistrictCurator);

        var (status, page) = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, status);
        var block = page.QuerySelector("section.notifications-panel") ?? throw new Xunit.Sdk.XunitException("No notifications block on the dashboard.");
        Assert.Equal("Thông báo", block.QuerySelector("h2")?.TextContent.Trim());
        var subjects = block.QuerySelectorAll(".notification-subject").Select(e => e.TextContent.Trim()).ToList();
        Assert.True(subjects.IndexOf(newer.Subject) >= 0 && subjects.IndexOf(newer.Subject) < subjects.IndexOf(older.Subject), string.Join(" | ", subjects));
        Assert.Contains("Lý do: Cần bổ sung biên bản đánh giá cấp huyện.", block.TextContent, StringComparison.Ordinal);
        Assert.NotNull(block.QuerySelector($"a[href='{Page}']"));

        // Read ones leave the block.
        using var _ = await SystemAdmin.PostAsync(client, "/admin", $"{Page}/{newer.Id}/da-doc", ("returnUrl", "/admin"));
        var (_, again) = await client.GetPageAsync("/admin");
        Assert.DoesNotContain(newer.Subject, again.QuerySelector("section.notifications-panel")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_forms_without_the_token_are_refused()
    {
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var mine = await AddAsync(author, "Thông báo để thử mã chống giả mạo", "Approved");

        using var anonymous = site.CreateClient();
        using var list = await anonymous.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/admin/dang-nhap", SystemAdmin.Location(list));
        using var anonymousMark = await anonymous.PostAsync($"{Page}/{mine.Id}/da-doc", new FormUrlEncodedContent([]));
        Assert.True(anonymousMark.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"Got {(int)anonymousMark.StatusCode}");
        Assert.Null((await RecordAsync(mine.Id)).ReadUtc);

        var client = await SystemAdmin.As(site.Factory, Accounts.Contributor);
        using var noToken = await client.PostFormWithTokenAsync($"{Page}/{mine.Id}/da-doc", [], token: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Null((await RecordAsync(mine.Id)).ReadUtc);
    }

    [Fact]
    public async Task The_list_pages_twenty_at_a_time_newest_first()
    {
        var userName = SystemAdmin.Unique("giaovien.");
        var userId = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChuyenDe.Modules.Users.CmsUser>>();
            var user = new ChuyenDe.Modules.Users.CmsUser
            {
                UserName = userName, DisplayName = "Giáo viên thử", OrganizationId = "truong-mn-ben-thanh", Email = userName + "@example.edu.vn", CreatedUtc = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, SystemAdmin.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "SchoolContributor")).Succeeded);
            return user.Id;
        });
        for (var i = 1; i <= 23; i++)
        {
            await AddAsync(userId, $"Thông báo số {i:00}", "Assigned");
        }

        var client = await SystemAdmin.As(site.Factory, userName, SystemAdmin.Password);
        var (_, first) = await client.GetPageAsync(Page);
        var subjects = first.QuerySelectorAll(".notification-subject").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(20, subjects.Count);
        Assert.Equal("Thông báo số 23", subjects[0]);
        Assert.Equal("Thông báo số 04", subjects[^1]);
        Assert.Contains("23 thông báo, 23 chưa đọc.", first.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Trang 1/2", SystemAdmin.Text(first, ".pager [aria-current=page]"));

        var (_, second) = await client.GetPageAsync(first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(["Thông báo số 03", "Thông báo số 02", "Thông báo số 01"],
            second.QuerySelectorAll(".notification-subject").Select(e => e.TextContent.Trim()).ToList());
    }

    private async Task<(NotificationRecord Mine, NotificationRecord Theirs)> TwoNotificationsAsync()
    {
        var author = await SystemAdmin.UserIdAsync(site, Accounts.Contributor);
        var curator = await SystemAdmin.UserIdAsync(site, Accounts.DistrictCurator);
        return (await AddAsync(author, "Sáng kiến “Góc thiên nhiên” được trả lại " + Guid.NewGuid().ToString("N")[..6], "Returned"),
            await AddAsync(curator, "Trường MN Bến Thành gửi sáng kiến mới " + Guid.NewGuid().ToString("N")[..6], "SubmissionReceived"));
    }

    private async Task<NotificationRecord> AddAsync(string userId, string subject, string kind, string body = "Lý do: Thiếu minh chứng hình ảnh; tên tài liệu chưa đúng quy định.")
    {
        var key = Key(kind);
        return await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [userId] }, Message(key, subject: subject, kind: kind, body: body));
            return Assert.Single(await RecordsAsync(sp, key));
        });
    }

    private Task<NotificationRecord> RecordAsync(long id)
        => site.WithServicesAsync(async sp => (await sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>().Set<NotificationRecord>()
            .FindAsync(id))!);
}
