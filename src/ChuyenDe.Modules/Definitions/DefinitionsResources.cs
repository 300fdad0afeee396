namespace ChuyenDe.Modules.Definitions;

/// <summary>Marker for the Definitions module's UI strings (<c>DefinitionsResources.vi.resx</c>).</summary>
public sealed class DefinitionsResources;
