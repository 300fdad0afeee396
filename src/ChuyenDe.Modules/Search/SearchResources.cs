namespace ChuyenDe.Modules.Search;

/// <summary>Marker for the search pages' UI strings (<c>SearchResources.vi.resx</c>).</summary>
public sealed class SearchResources;
