using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Editors;

/// <summary>Read-only view of the latest version, for users who may see an item but not edit it.</summary>
public sealed record ContentPreviewView(ContentItem Item, Fields.ContentDetail Detail, bool HasPublishedVersion, EditorActions Actions);
