using ChuyenDe.Modules.Media;

namespace ChuyenDe.Tests.Unit.Media;

/// <summary>Download counting: once per client (address and User-Agent), file and day; never for robots.</summary>
public sealed class DownloadDeduplicatorTests
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_client_counts_once_per_file_until_the_next_day()
    {
        var clock = new Clock(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero));
        var downloads = new DownloadDeduplicator(clock);

        Assert.True(downloads.ShouldCount("203.0.113.7", Browser, 1));
        Assert.False(downloads.ShouldCount("203.0.113.7", Browser, 1));
        Assert.True(downloads.ShouldCount("203.0.113.7", Browser, 2));
        Assert.True(downloads.ShouldCount("203.0.113.8", Browser, 1));
        Assert.True(downloads.ShouldCount("203.0.113.7", Browser + " Edg/131", 1));

        clock.Now = clock.Now.AddHours(1);
        Assert.True(downloads.ShouldCount("203.0.113.7", Browser, 1));
        Assert.False(downloads.ShouldCount("203.0.113.7", Browser, 1));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; YandexSpider/3.0)")]
    [InlineData("Sogou web crawler/4.0")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("facebookexternalhit/1.1")]
    [InlineData("Go-http-client/2.0")]
    [InlineData("")]
    [InlineData(null)]
    public void Robots_and_command_line_tools_are_never_counted(string? userAgent)
    {
        Assert.True(DownloadDeduplicator.IsRobot(userAgent));
        Assert.False(new DownloadDeduplicator(TimeProvider.System).ShouldCount("203.0.113.7", userAgent, 1));
    }

    [Theory]
    [InlineData(Browser)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Zalo")]
    public void Browsers_are_not_robots(string userAgent) => Assert.False(DownloadDeduplicator.IsRobot(userAgent));
}
