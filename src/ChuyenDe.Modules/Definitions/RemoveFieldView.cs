using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The question before a field is removed.</summary>
public sealed record RemoveFieldView(ContentTypeDefinition Type, ContentPartFieldDefinition Field);
