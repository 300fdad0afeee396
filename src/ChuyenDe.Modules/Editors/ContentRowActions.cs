namespace ChuyenDe.Modules.Editors;

public sealed record ContentRowActions(bool Edit, bool View, bool Unpublish, bool CloneItem, bool Delete);
