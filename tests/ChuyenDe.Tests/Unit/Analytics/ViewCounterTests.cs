using ChuyenDe.Modules.Analytics;
using Microsoft.Extensions.Options;

namespace ChuyenDe.Tests.Unit.Analytics;

/// <summary>The counter of views: once per client, item and day (the site's day, Vietnam time), never for robots; counts wait in memory until taken.</summary>
public sealed class ViewCounterTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string ZaloBrowser = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Zalo";

    /// <summary>23:00 in Hồ Chí Minh City on 6 December 2026 (16:00 UTC).</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 6, 16, 0, 0, TimeSpan.Zero);

    private static ViewCounter Counter(TimeProvider clock, int capacity = 1000)
        => new(clock, Options.Create(new AnalyticsOptions { MaxClientsPerDay = capacity }));

    private static (long Views, long Downloads) Pending(IReadOnlyList<PendingCount> counts, DateOnly day, string item)
        => counts.Where(c => c.Day == day && c.ContentItemId == item).Select(c => (c.Views, c.Downloads)).SingleOrDefault();

    [Fact]
    public void The_same_client_twice_is_one_view_two_clients_are_two_and_the_next_day_counts_again()
    {
        var clock = new ManualClock(LateEvening);
        var counter = Counter(clock);
        var today = new DateOnly(2026, 12, 6);

        Assert.True(counter.CountView("item-a", "203.0.113.7", Firefox));
        Assert.False(counter.CountView("item-a", "203.0.113.7", Firefox));
        Assert.True(counter.CountView("item-a", "203.0.113.8", Firefox));        // another address
        Assert.True(counter.CountView("item-a", "203.0.113.7", ZaloBrowser));    // another browser on the same address (a family's phones behind one router)
        Assert.True(counter.CountView("item-b", "203.0.113.7", Firefox));        // another item

        var first = counter.TakePending();
        Assert.Equal((3, 0), Pending(first, today, "item-a"));
        Assert.Equal((1, 0), Pending(first, today, "item-b"));
        Assert.Empty(counter.TakePending());

        // 00:00 in Vietnam is 17:00 UTC: a new day, the same client counts again, once.
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(counter.CountView("item-a", "203.0.113.7", Firefox));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2026, 12, 7), counter.Today);
        Assert.True(counter.CountView("item-a", "203.0.113.7", Firefox));
        Assert.False(counter.CountView("item-a", "203.0.113.7", Firefox));
        Assert.Equal((1, 0), Pending(counter.TakePending(), new DateOnly(2026, 12, 7), "item-a"));

        // Forgetting past days keeps today's visitors.
        counter.ForgetPastDays();
        Assert.False(counter.CountView("item-a", "203.0.113.7", Firefox));
        clock.Advance(TimeSpan.FromDays(1));
        counter.ForgetPastDays();
        Assert.True(counter.CountView("item-a", "203.0.113.7", Firefox));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)")]
    [InlineData("")]
    [InlineData(null)]
    public void Robots_link_previews_tools_and_clients_without_a_user_agent_are_not_counted(string? userAgent)
    {
        var counter = Counter(new ManualClock(LateEvening));

        Assert.False(counter.CountView("item-a", "203.0.113.7", userAgent));
        Assert.Empty(counter.TakePending());
    }

    [Fact]
    public void Downloads_add_up_beside_the_views_and_counts_given_back_are_taken_again_with_the_next()
    {
        var clock = new ManualClock(LateEvening);
        var counter = Counter(clock);
        var today = new DateOnly(2026, 12, 6);
        counter.CountView("item-a", "203.0.113.7", Firefox);
        counter.CountDownload("item-a");
        counter.CountDownload("item-a");

        var taken = counter.TakePending();
        Assert.Equal((1, 2), Pending(taken, today, "item-a"));

        // Writing failed: the counts are given back and more come meanwhile.
        counter.Restore(taken);
        counter.CountDownload("item-a");
        Assert.Equal((1, 3), Pending(counter.TakePending(), today, "item-a"));
    }

    [Fact]
    public void Beyond_the_day_capacity_new_clients_are_not_counted_until_the_next_day()
    {
        var clock = new ManualClock(LateEvening);
        var counter = Counter(clock, capacity: 2);

        Assert.True(counter.CountView("item-a", "203.0.113.1", Firefox));
        Assert.True(counter.CountView("item-a", "203.0.113.2", Firefox));
        Assert.False(counter.CountView("item-a", "203.0.113.3", Firefox));

        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(counter.CountView("item-a", "203.0.113.3", Firefox));
    }

    [Fact]
    public void Many_threads_counting_at_once_lose_no_view()
    {
        var counter = Counter(new ManualClock(LateEvening), capacity: 100_000);

        Parallel.For(0, 8, thread =>
        {
            for (var i = 0; i < 1000; i++)
            {
                counter.CountView("item-" + (i % 5), $"10.{thread}.{i / 250}.{i % 250}", Firefox);
                counter.CountView("item-" + (i % 5), $"10.{thread}.{i / 250}.{i % 250}", Firefox); // the same client again
            }
        });

        Assert.Equal(8000, counter.TakePending().Sum(c => c.Views));
    }
}
