namespace ChuyenDe.Modules.Statistics;

/// <summary>A row of a statistics table: its key (stable, e.g. a term id), its label and one value per column (null = no figure).</summary>
public sealed record StatisticsRow(string Key, string Label, IReadOnlyList<decimal?> Values);
