namespace ChuyenDe.Modules.Contents;

/// <summary>Marker for the Contents module's UI strings (<c>ContentsResources.vi.resx</c>).</summary>
public sealed class ContentsResources;
