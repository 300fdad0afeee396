namespace ChuyenDe.Modules.Editorial;

/// <summary>Marker for the curation UI strings (<c>CurationResources.vi.resx</c>).</summary>
public sealed class CurationResources;
