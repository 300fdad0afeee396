using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Statistics;

/// <summary>The statistics of a query: its sections in order, the district offices the filter offers and the types.</summary>
public sealed record StatisticsPage(
    StatisticsQuery Query,
    IReadOnlyList<StatisticsSection> Sections,
    IReadOnlyList<Organization> Districts,
    IReadOnlyList<(string Name, string DisplayName)> Types,
    IReadOnlyList<string> Problems)
{
    public StatisticsTable? FindTable(string id) => Sections.SelectMany(s => s.Tables).FirstOrDefault(t => t.Id == id);
}
