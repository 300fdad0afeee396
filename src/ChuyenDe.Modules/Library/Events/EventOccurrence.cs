using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.Events;

/// <summary>
/// When and where a published event takes place, read from the Event type's fields <c>StartsAt</c>, <c>EndsAt</c>
/// (UTC) and <c>Location</c>; an event without a start is placed by its publication date.
/// </summary>
public sealed record EventOccurrence(ContentItem Item, DateTime StartsUtc, DateTime? EndsUtc, string? Location, bool HasStart)
{
    public const string ContentType = "Event";

    public static EventOccurrence From(ContentItem item)
    {
        DateTime? Date(string field)
            => ContentValidator.Text(item.Field(ContentType, field)?["Value"]) is { Length: > 0 } text && ContentJson.TryParseDate(text, out var utc)
                ? utc
                : null;

        var starts = Date("StartsAt");
        var location = ContentValidator.Text(item.Field(ContentType, "Location")?["Text"]);
        return new EventOccurrence(item, starts ?? item.PublishedUtc ?? DateTime.MinValue, Date("EndsAt"),
            string.IsNullOrWhiteSpace(location) ? null : location.Trim(), starts is not null);
    }

    /// <summary>Whether the event is still to come or under way at <paramref name="nowUtc"/>.</summary>
    public bool IsUpcoming(DateTime nowUtc) => HasStart && (EndsUtc ?? StartsUtc) >= nowUtc;
}
