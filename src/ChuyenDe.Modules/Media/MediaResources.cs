namespace ChuyenDe.Modules.Media;

/// <summary>Marker for the Media module's UI strings (<c>MediaResources.vi.resx</c>).</summary>
public sealed class MediaResources;
