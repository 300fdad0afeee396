namespace ChuyenDe.Modules.Statistics;

/// <summary>A section of the statistics page: its heading, an optional introduction and its tables (each with its chart).</summary>
public sealed record StatisticsSection(string Key, string Title, string? Introduction, IReadOnlyList<StatisticsTable> Tables);
