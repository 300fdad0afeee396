namespace ChuyenDe.Modules.Statistics;

/// <summary>Marker for the Statistics module's UI strings (<c>StatisticsResources.vi.resx</c>).</summary>
public sealed class StatisticsResources;
