using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Library.Events;

/// <summary>The events page: those to come (on the first page) and a page of past ones.</summary>
public sealed record EventsPageView(IReadOnlyList<EventEntry> Upcoming, IReadOnlyList<EventEntry> Past, PagerView Pager);
