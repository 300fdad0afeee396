using ChuyenDe.Modules.Caching;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields;
using ChuyenDe.Modules.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Library.Events;

/// <summary>
/// <c>/su-kien</c>: events to come first (soonest first) with date, time and place, then past ones; each event's
/// <c>.ics</c> file (<c>/su-kien/{slug}.ics</c>) and the calendar of all events (<c>/su-kien/lich.ics</c>) to
/// subscribe to.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class EventsController(
    EventCalendar calendar,
    IContentQueryService queries,
    IContentDisplayBuilder display,
    ISiteSettingsService settings,
    PublicAddresses addresses,
    IStringLocalizer<LibraryResources> T) : Controller
{
    private const int PageSize = 12;

    /// <summary>The address of the calendar of all events.</summary>
    public const string CalendarPath = "/su-kien/lich.ics";

    [HttpGet("/su-kien")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(EventOccurrence.ContentType), CacheTags.Organizations);
        var (upcoming, past) = await calendar.ListAsync(ct);
        var pageCount = PagedResult.PageCount(past.Count, PageSize);
        if (page < 1 || (page > 1 && page > pageCount))
        {
            return NotFound();
        }

        var site = await settings.GetAsync(ct);
        var view = new EventsPageView(
            page == 1 ? await EntriesAsync(upcoming, site, ct) : [],
            await EntriesAsync(past.Skip((page - 1) * PageSize).Take(PageSize).ToList(), site, ct),
            new PagerView(page, pageCount, upcoming.Count + past.Count, p => p > 1 ? $"/su-kien?page={p}" : "/su-kien"));
        return View(view);
    }

    [HttpGet(CalendarPath), ReservesExactPath]
    public async Task<IActionResult> Calendar(CancellationToken ct)
    {
        PageCache.Tag(HttpContext, CacheTags.Type(EventOccurrence.ContentType));
        var (upcoming, past) = await calendar.ListAsync(ct);
        var site = await settings.GetAsync(ct);
        return Calendar($"{T["Events"]} – {site.SiteShortName ?? site.SiteName}", [.. upcoming, .. past]);
    }

    /// <summary>One event's calendar file, at its address with <c>.ics</c> added.</summary>
    [HttpGet("/su-kien/{slug}.ics"), ReservesExactPath]
    public async Task<IActionResult> Event(string slug, CancellationToken ct)
    {
        var item = await queries.GetPublishedByPathAsync("su-kien/" + slug, ct);
        if (item is null || item.ContentType != EventOccurrence.ContentType || EventOccurrence.From(item) is not { HasStart: true } occurrence)
        {
            return NotFound();
        }

        PageCache.Tag(HttpContext, CacheTags.Item(item.ContentItemId));
        var result = Calendar(item.DisplayText, [occurrence]);
        Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}.ics\"";
        return result;
    }

    private Microsoft.AspNetCore.Mvc.ContentResult Calendar(string name, IReadOnlyList<EventOccurrence> events)
    {
        var host = new Uri(addresses.BaseUrl).Host;
        var text = ICalendarWriter.Write(name, events, host, addresses.Absolute,
            e => ContentValidator.Text(e.Item.Field(EventOccurrence.ContentType, "Summary")?["Text"]));
        Response.Headers.CacheControl = "public, max-age=300";
        return Content(text, ICalendarWriter.ContentType);
    }

    private async Task<IReadOnlyList<EventEntry>> EntriesAsync(IReadOnlyList<EventOccurrence> events, SiteSettings site, CancellationToken ct)
    {
        var cards = await display.BuildCardsAsync(events.Select(e => e.Item), ct);
        return events.Zip(cards, (e, card) => new EventEntry(
            card,
            e.HasStart ? site.ToLocal(e.StartsUtc) : null,
            e.EndsUtc is { } ends ? site.ToLocal(ends) : null,
            e.Location,
            e.HasStart && card.Url.StartsWith("/su-kien/", StringComparison.Ordinal) ? card.Url + ".ics" : null)).ToList();
    }
}
