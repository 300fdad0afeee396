namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>Marker type of the consolidation exports' labels (<c>ConsolidationResources.vi.resx</c>).</summary>
public sealed class ConsolidationResources;
