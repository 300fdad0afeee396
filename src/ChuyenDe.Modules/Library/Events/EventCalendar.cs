using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.Events;

/// <summary>
/// The published events as people look for them: those to come (and under way) first, soonest first, then the past ones,
/// latest first. Events are few (tens a year), so all published events are read and ordered in memory.
/// </summary>
public sealed class EventCalendar(IContentQueryService queries, TimeProvider clock)
{
    public async Task<(IReadOnlyList<EventOccurrence> Upcoming, IReadOnlyList<EventOccurrence> Past)> ListAsync(CancellationToken ct)
    {
        var all = new List<EventOccurrence>();
        for (var page = 1; ; page++)
        {
            var result = await queries.QueryPublishedAsync(new ContentQuery { ContentTypes = [EventOccurrence.ContentType], Page = page, PageSize = 100 }, ct);
            all.AddRange(result.Items.Select(EventOccurrence.From));
            if (page >= result.PageCount)
            {
                break;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return (all.Where(e => e.IsUpcoming(now)).OrderBy(e => e.StartsUtc).ToList(),
            all.Where(e => !e.IsUpcoming(now)).OrderByDescending(e => e.StartsUtc).ToList());
    }
}
