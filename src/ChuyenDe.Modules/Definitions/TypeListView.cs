using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The list of content types.</summary>
public sealed record TypeListView(IReadOnlyList<ContentTypeDefinition> Types);
