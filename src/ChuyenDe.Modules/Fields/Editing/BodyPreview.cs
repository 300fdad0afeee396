namespace ChuyenDe.Modules.Fields.Editing;

/// <summary>A rendered preview of a body, shown under its editor when the form was sent with the preview button.</summary>
public sealed record BodyPreview(string Key, string Html);
