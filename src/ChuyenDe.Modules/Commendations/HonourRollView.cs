using ChuyenDe.Modules.Library;

namespace ChuyenDe.Modules.Commendations;

/// <summary>The honour roll page: its filters (phase, level, district) and the collectives and individuals commended.</summary>
public sealed record HonourRollView(
    IReadOnlyList<FilterGroup> Filters,
    IReadOnlyList<HonourRollEntry> Collectives,
    IReadOnlyList<HonourRollEntry> Individuals)
{
    public bool Filtered => Filters.Any(g => g.Options.Any(o => o.Selected));
}
