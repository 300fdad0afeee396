using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using Calendar = Ical.Net.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.PublicSite;

/// <summary>
/// <c>/su-kien</c> lists events as people use them — to come first, soonest first, with date, time and place, then past
/// ones — and gives each event an <c>.ics</c> file and the list a calendar to subscribe to, parsed here with Ical.Net.
/// </summary>
public sealed class EventsTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

    /// <summary>A published event copied from a sample one, starting at <paramref name="startsUtc"/> for two hours.</summary>
    private Task<ContentItem> PublishEventAsync(string title, DateTime startsUtc, string location)
        => fixture.WithServicesAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var sample = (await sp.GetRequiredService<IContentQueryService>()
                .QueryAsync(new ContentQuery { ContentTypes = ["Event"], PageSize = 1 })).Items.Single();
            var item = await contents.NewAsync("Event");
            item.Content["Event"] = sample.Part("Event")!.DeepClone();
            // The sample's photos are published with the parents' consent.
            item.GetOrCreatePart("ConsentPart")["Confirmed"] = true;

            item.GetOrCreatePart("TitlePart")["Title"] = title;
            item.GetOrCreatePart("AutoroutePart")["Path"] = null;
            item.GetOrCreateField("Event", "StartsAt")["Value"] = startsUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            item.GetOrCreateField("Event", "EndsAt")["Value"] = startsUtc.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            item.GetOrCreateField("Event", "Location")["Text"] = location;
            var result = await contents.PublishAsync(item, ContentActor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Message)));
            return result.Item!;
        });

    private static string PathOf(ContentItem item) => "/" + item.Part("AutoroutePart")!["Path"]!.GetValue<string>();

    [Fact]
    public async Task Events_to_come_are_listed_first_soonest_first_with_time_and_place_then_past_ones_latest_first()
    {
        var later = await PublishEventAsync("Hội thảo sắp tới B " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddDays(40).Date.AddHours(1), "Hội trường Sở");
        var sooner = await PublishEventAsync("Hội thảo sắp tới A " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddDays(10).Date.AddHours(2), "Trường MN Bến Thành");
        using var client = fixture.CreateClient();

        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/su-kien"));

        var upcoming = page.QuerySelectorAll("#sap-dien-ra ~ .cards .event-entry").ToList();
        var titles = upcoming.Select(e => e.QuerySelector(".card-title")!.TextContent.Trim()).ToList();
        Assert.True(titles.IndexOf(sooner.DisplayText) is >= 0 and var a && titles.IndexOf(later.DisplayText) > a, string.Join(" | ", titles));
        var soonerEntry = upcoming.Single(e => e.QuerySelector(".card-title")!.TextContent.Trim() == sooner.DisplayText);
        var startsLocal = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddDays(10).Date.AddHours(2), Vietnam);
        Assert.Contains(startsLocal.ToString("HH:mm, dd/MM/yyyy", CultureInfo.InvariantCulture), soonerEntry.QuerySelector(".event-when")!.TextContent);
        Assert.Contains("Trường MN Bến Thành", soonerEntry.QuerySelector(".event-when")!.TextContent);
        Assert.Equal(PathOf(sooner) + ".ics", soonerEntry.QuerySelector(".event-ics a")!.GetAttribute("href"));

        // The sample events (all past) follow, latest start first.
        var starts = page.QuerySelectorAll("#da-dien-ra ~ .cards .event-entry dd:first-of-type time:first-child").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.NotEmpty(starts);
        Assert.Equal(starts.OrderByDescending(s => s, StringComparer.Ordinal), starts);
        Assert.Contains(page.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("type") == "text/calendar" && l.GetAttribute("href") == "/su-kien/lich.ics");
    }

    [Fact]
    public async Task An_event_s_ics_file_parses_with_its_title_time_place_and_address()
    {
        var startsUtc = DateTime.UtcNow.AddDays(20).Date.AddHours(1).AddMinutes(30);
        var item = await PublishEventAsync("Tập huấn giáo viên, đợt 2; \"trẻ là trung tâm\" " + Guid.NewGuid().ToString("N")[..6], startsUtc, "Quận 1, TP.HCM");
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(PathOf(item) + ".ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(item.DisplayText, entry.Summary);
        Assert.Equal("Quận 1, TP.HCM", entry.Location);
        Assert.Equal(startsUtc, entry.Start!.AsUtc);
        Assert.Equal(startsUtc.AddHours(2), entry.End!.AsUtc);
        Assert.Equal("http://localhost" + PathOf(item), entry.Url!.AbsoluteUri);
        Assert.StartsWith(item.ContentItemId + "@", entry.Uid);
    }

    [Fact]
    public async Task The_events_calendar_holds_every_event_with_a_start_once()
    {
        var item = await PublishEventAsync("Sự kiện trong lịch " + Guid.NewGuid().ToString("N")[..6], DateTime.UtcNow.AddDays(5), "Thủ Đức");
        using var client = fixture.CreateClient();

        var calendar = Calendar.Load(await client.GetStringAsync("/su-kien/lich.ics"))!;
        var published = await fixture.WithServicesAsync(async sp => (await sp.GetRequiredService<IContentQueryService>()
            .QueryAsync(new ContentQuery { ContentTypes = ["Event"], PageSize = 100 })).Items);

        Assert.Contains(calendar.Events, e => e.Summary == item.DisplayText);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
        Assert.Equal(published.Count(i => i.Field("Event", "StartsAt")?["Value"] is JsonValue), calendar.Events.Count);
    }

    [Theory]
    [InlineData("/su-kien/khong-co-su-kien-nay.ics")]
    [InlineData("/su-kien/.ics")]
    public async Task An_unknown_event_s_calendar_file_is_404(string url)
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_calendar_addresses_are_reserved_but_events_below_the_list_are_not()
    {
        using var client = fixture.CreateClient();
        await client.GetAsync("/");
        var reserved = await fixture.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<IReservedPaths>()));

        Assert.True(reserved.IsReserved("su-kien/lich.ics"));
        Assert.False(reserved.IsReserved("su-kien/hoi-thao-cuoi-nam"));
    }
}
