using ChuyenDe.Modules.Fields;

namespace ChuyenDe.Modules.Library.Events;

/// <summary>An event on the events page: its card, when (site time) and where, and its calendar file.</summary>
public sealed record EventEntry(ContentCard Card, DateTime? StartsLocal, DateTime? EndsLocal, string? Location, string? CalendarUrl);
