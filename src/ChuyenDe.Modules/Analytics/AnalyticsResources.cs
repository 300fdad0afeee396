namespace ChuyenDe.Modules.Analytics;

/// <summary>Marker for the Analytics module's UI strings (<c>AnalyticsResources.vi.resx</c>).</summary>
public sealed class AnalyticsResources;
