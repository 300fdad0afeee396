namespace ChuyenDe.Modules.History;

/// <summary>Marker for the History module's UI strings (<c>HistoryResources.vi.resx</c>).</summary>
public sealed class HistoryResources;
