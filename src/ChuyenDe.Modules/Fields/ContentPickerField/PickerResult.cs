namespace ChuyenDe.Modules.Fields.ContentPickerField;

/// <summary>A content picker's search result.</summary>
public sealed record PickerResult(string Id, string Title, string Type, string TypeName, bool Published);
