namespace ChuyenDe.Modules.Harvesting;

/// <summary>One element of a Dublin Core record (<c>title</c>, <c>creator</c> …) and its text.</summary>
public sealed record DublinCoreElement(string Name, string Value);
