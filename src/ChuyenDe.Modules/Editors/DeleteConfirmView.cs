using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Editors;

public sealed record DeleteConfirmView(ContentItem Item, string TypeName, bool Published, string? Error);
