using System.Globalization;
using ChuyenDe.Modules.Notifications;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Notifications;

public sealed class NotificationEmailComposerTests
{
    private static NotificationEmailComposer Composer(string? baseUrl)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new NotificationEmailComposer(new StringLocalizer<NotificationsResources>(factory),
            Options.Create(new NotificationOptions { PublicBaseUrl = baseUrl }));
    }

    private static NotificationRecord Record(string body, string? url = "/admin/noi-dung/abc/sua") => new()
    {
        UserId = "u1", EventKey = "returned:abc:1", Kind = "Returned", Subject = "Sáng kiến được trả lại", Body = body, Url = url,
    };

    [Fact]
    public void The_email_greets_in_Vietnamese_carries_the_reasons_and_an_absolute_link()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            var content = Composer("https://chuyende.example.vn/").Compose(Record("Lý do: thiếu ảnh.\nĐề nghị bổ sung."), "Nguyễn Thị Lan", "Kho học liệu");

            Assert.Equal("Sáng kiến được trả lại", content.Subject);
            Assert.StartsWith("Kính gửi Nguyễn Thị Lan,\r\n\r\nLý do: thiếu ảnh.\r\nĐề nghị bổ sung.\r\n", content.TextBody, StringComparison.Ordinal);
            Assert.Contains("Xem chi tiết tại: https://chuyende.example.vn/admin/noi-dung/abc/sua", content.TextBody, StringComparison.Ordinal);
            Assert.Contains("Thư này được gửi tự động từ Kho học liệu.", content.TextBody, StringComparison.Ordinal);
            Assert.Contains("<p>Lý do: thiếu ảnh.<br>Đề nghị bổ sung.</p>", content.HtmlBody, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Without_a_public_address_the_link_is_the_path_and_html_in_the_text_is_escaped()
    {
        var content = Composer(null).Compose(Record("<script>alert(1)</script>"), "Lan", "Kho");

        Assert.Contains("/admin/noi-dung/abc/sua", content.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", content.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", content.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", content.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_link_no_link_line_is_written()
    {
        var content = Composer("https://chuyende.example.vn").Compose(Record("Nội dung.", url: null), "Lan", "Kho");
        Assert.DoesNotContain("https://", content.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", content.HtmlBody, StringComparison.Ordinal);
    }
}

public sealed class NotificationRulesTests
{
    [Fact]
    public void Retries_wait_longer_each_time_up_to_the_maximum()
    {
        var options = new NotificationOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(60), options.RetryDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(120), options.RetryDelay(3));
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryDelay(5));
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryDelay(500));
    }

    [Theory]
    [InlineData("/admin/duyet/abc", "/admin/duyet/abc")]
    [InlineData("  /sang-kien/goc-thien-nhien ", "/sang-kien/goc-thien-nhien")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_site_relative_links_are_kept(string? url, string? expected)
        => Assert.Equal(expected, Notifier.SafeUrl(url));

    [Fact]
    public void The_sender_address_falls_back_to_the_user_name_then_to_no_reply()
    {
        Assert.Equal("a@b.vn", NotificationMime.FromAddress(new SmtpOptions { Host = "smtp.b.vn", FromAddress = " a@b.vn ", UserName = "u@b.vn" }));
        Assert.Equal("u@b.vn", NotificationMime.FromAddress(new SmtpOptions { Host = "smtp.b.vn", UserName = "u@b.vn" }));
        Assert.Equal("no-reply@smtp.b.vn", NotificationMime.FromAddress(new SmtpOptions { Host = "smtp.b.vn", UserName = "u" }));
    }

    [Fact]
    public void No_host_means_no_email()
    {
        Assert.False(new SmtpOptions().Configured);
        Assert.False(new SmtpOptions { Host = " " }.Configured);
        Assert.True(new SmtpOptions { Host = "smtp.example.vn" }.Configured);
    }
}
