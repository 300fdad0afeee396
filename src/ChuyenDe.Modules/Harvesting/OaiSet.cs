namespace ChuyenDe.Modules.Harvesting;

/// <summary>A set of the repository: its spec (<c>donvi:so-hcm:phong-quan-1</c>) and its name.</summary>
public sealed record OaiSet(string Spec, string Name);
