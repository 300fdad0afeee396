using ChuyenDe.Modules.Contents;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ChuyenDe.Modules.Library.Events;

/// <summary>Events as iCalendar (RFC 5545, Ical.Net): one event's <c>.ics</c> file, or the calendar of all of them.</summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="name">The calendar's name (<c>X-WR-CALNAME</c>).</param>
    /// <param name="events">The events with a start time (others cannot be put in a calendar).</param>
    /// <param name="host">The site's host, which makes the events' UIDs unique.</param>
    /// <param name="absolute">Makes a site path absolute.</param>
    /// <param name="summaryOf">An event's summary (description), if any.</param>
    public static string Write(string name, IEnumerable<EventOccurrence> events, string host, Func<string, string> absolute, Func<EventOccurrence, string?> summaryOf)
    {
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        foreach (var occurrence in events.Where(e => e.HasStart))
        {
            var item = occurrence.Item;
            var path = "/" + (ContentParts.Path(item) ?? "");
            var entry = new CalendarEvent
            {
                Uid = $"{item.ContentItemId}@{host}",
                Summary = item.DisplayText,
                Start = new CalDateTime(DateTime.SpecifyKind(occurrence.StartsUtc, DateTimeKind.Utc)),
                End = new CalDateTime(DateTime.SpecifyKind(occurrence.EndsUtc is { } ends && ends > occurrence.StartsUtc ? ends : occurrence.StartsUtc.AddHours(1), DateTimeKind.Utc)),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(item.ModifiedUtc ?? item.PublishedUtc ?? occurrence.StartsUtc, DateTimeKind.Utc)),
                Location = occurrence.Location,
                Description = summaryOf(occurrence),
                Url = new Uri(absolute(path)),
            };
            calendar.Events.Add(entry);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
