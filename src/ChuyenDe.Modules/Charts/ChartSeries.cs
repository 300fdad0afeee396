namespace ChuyenDe.Modules.Charts;

/// <summary>A series of a chart: its name (shown in the legend) and one value per category (null = no value).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);
