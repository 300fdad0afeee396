namespace ChuyenDe.Modules.Reports.Indicators;

/// <summary>Marker type of the indicator messages (<c>IndicatorResources.vi.resx</c>): entry and definition validation.</summary>
public sealed class IndicatorResources;
