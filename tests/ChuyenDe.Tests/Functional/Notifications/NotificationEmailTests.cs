using System.Text;
using ChuyenDe.Modules.Notifications;
using ChuyenDe.Modules.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static ChuyenDe.Tests.Functional.Notifications.NotificationSupport;

namespace ChuyenDe.Tests.Functional.Notifications;

/// <summary>E-mail through MailKit to a real SMTP listener of the test, sent by the outbox after commit.</summary>
public sealed class NotificationEmailTests(SmtpSiteFixture site) : IClassFixture<SmtpSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_author_receives_an_email_with_the_Vietnamese_subject_the_reasons_and_a_link()
    {
        var author = await UserIdAsync("truong.benthanh");
        var key = Key("returned");
        var subject = "Sáng kiến “Góc thiên nhiên cho bé” được trả lại để chỉnh sửa – " + key[^6..];
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key, subject: subject,
                body: "Phòng GD&ĐT Quận 1 trả lại sáng kiến của bạn.\nLý do: Thiếu minh chứng hình ảnh; đề nghị bổ sung ảnh hoạt động ở góc thiên nhiên."));
            return 0;
        });

        var mail = await site.Smtp.WaitForAsync(m => m.Subject == subject, Patience);
        Assert.Equal(["truong.benthanh@example.edu.vn"], mail.Recipients);
        Assert.Equal("khohoclieu@example.edu.vn", mail.From);
        // The server offered no 8BITMIME: everything on the wire is 7-bit, the Vietnamese subject in encoded words.
        Assert.All(mail.Data, c => Assert.True(c < 128, $"8-bit character {(int)c} on the wire"));
        Assert.Contains("=?", mail.Headers["Subject"], StringComparison.Ordinal);

        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.ASCII.GetBytes(mail.Data)));
        Assert.Equal(subject, message.Subject);
        Assert.Equal("Kho học liệu chuyên đề", ((MailboxAddress)message.From.Single()).Name);
        var text = message.TextBody;
        Assert.Contains("Kính gửi Nguyễn Thị Lan,", text, StringComparison.Ordinal);
        Assert.Contains("Lý do: Thiếu minh chứng hình ảnh; đề nghị bổ sung ảnh hoạt động ở góc thiên nhiên.", text, StringComparison.Ordinal);
        Assert.Contains("Xem chi tiết tại: https://chuyende.example.vn/admin/noi-dung/abc123/sua", text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://chuyende.example.vn/admin/noi-dung/abc123/sua\"", message.HtmlBody, StringComparison.Ordinal);

        var record = Assert.Single(await SettledAsync(site.WithServicesAsync, key, Patience));
        Assert.Equal(NotificationEmailStatus.Sent, record.EmailStatus);
        Assert.Equal(1, record.EmailAttempts);
        Assert.NotNull(record.EmailSentUtc);
        Assert.Null(record.EmailLastError);
    }

    [Fact]
    public async Task The_same_event_twice_sends_one_email_and_a_later_round_or_restart_sends_nothing_again()
    {
        var curator = await UserIdAsync("phong.quan1");
        var key = Key("submitted");
        var subject = "Trường MN Bến Thành gửi sáng kiến mới – " + key[^6..];
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { OrganizationPermissions = [("phong-quan-1", "PublishContent")] }, Message(key, subject: subject, kind: "SubmissionReceived"));
            return 0;
        });
        await site.Smtp.WaitForAsync(m => m.Subject == subject, Patience);
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [curator] }, Message(key, subject: subject, kind: "SubmissionReceived"));
            return 0;
        });

        // A round run by hand, as a freshly started node would, finds nothing left to send.
        var again = await site.WithServicesAsync(sp => sp.GetRequiredService<NotificationEmailSender>().SendDueAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several rounds of the running outbox
        Assert.Equal(0, again);
        Assert.Single(site.Smtp.Received, m => m.Subject == subject);
        var record = Assert.Single(await site.WithServicesAsync(sp => RecordsAsync(sp, key)));
        Assert.Equal(curator, record.UserId);
        Assert.Equal(NotificationEmailStatus.Sent, record.EmailStatus);
    }

    [Fact]
    public async Task A_rolled_back_notification_sends_no_email()
    {
        var author = await UserIdAsync("truong.benthanh");
        var key = Key("rejected");
        var subject = "Sáng kiến không được duyệt – " + key[^6..];
        await site.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key, subject: subject, kind: "Rejected"));
            await Task.Delay(TimeSpan.FromSeconds(1)); // the outbox was woken and runs meanwhile
            await transaction.RollbackAsync();
            return 0;
        });

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(site.Smtp.Received, m => m.Subject == subject);
        Assert.Empty(await site.WithServicesAsync(sp => RecordsAsync(sp, key)));
    }

    [Fact]
    public async Task A_user_without_an_email_address_gets_the_notification_in_the_app_only()
    {
        var userId = await site.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = "khongthu." + Guid.NewGuid().ToString("N")[..6], DisplayName = "Không có thư", OrganizationId = "truong-mn-ben-thanh", CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "Mat-khau-Thu-2026")).Succeeded);
            return user.Id;
        });
        var key = Key("approved");
        var subject = "Sáng kiến đã được duyệt – " + key[^6..];
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [userId] }, Message(key, subject: subject, kind: "Approved"));
            return 0;
        });

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var record = Assert.Single(await site.WithServicesAsync(sp => RecordsAsync(sp, key)));
        Assert.Equal(NotificationEmailStatus.None, record.EmailStatus);
        Assert.Equal(0, record.EmailAttempts);
        Assert.DoesNotContain(site.Smtp.Received, m => m.Subject == subject);
    }

    private Task<string> UserIdAsync(string userName)
        => site.WithServicesAsync(async sp => (await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))!.Id);
}

/// <summary>An SMTP server that does not answer: the outbox retries with backoff, then gives up; the site keeps working.</summary>
public sealed class NotificationSmtpDownTests(SmtpDownSiteFixture site) : IClassFixture<SmtpDownSiteFixture>
{
    [Fact]
    public async Task The_email_is_retried_then_marked_failed_with_the_error_and_the_site_keeps_working()
    {
        var author = await site.WithServicesAsync(async sp => (await sp.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("truong.benthanh"))!.Id);
        var key = Key("returned");
        await site.WithServicesAsync(async sp =>
        {
            await NotifyAsync(sp, new() { UserIds = [author] }, Message(key));
            return 0;
        });

        var first = Assert.Single(await site.WithServicesAsync(sp => RecordsAsync(sp, key)));
        Assert.NotEqual(NotificationEmailStatus.None, first.EmailStatus); // SMTP is configured: the e-mail is queued

        var record = Assert.Single(await SettledAsync(site.WithServicesAsync, key, TimeSpan.FromSeconds(45)));
        Assert.Equal(NotificationEmailStatus.Failed, record.EmailStatus);
        Assert.Equal(SmtpDownSiteFixture.MaxAttempts, record.EmailAttempts);
        Assert.False(string.IsNullOrWhiteSpace(record.EmailLastError));
        Assert.Null(record.EmailSentUtc);
        Assert.Null(record.ReadUtc); // the in-app notification is still there, unread

        using var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var home = await client.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
    }
}
