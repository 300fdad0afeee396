using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Editors;

/// <summary>The result of a posted form: saved, refused, or the form to show again with messages.</summary>
public sealed record SubmitOutcome(ContentItem? Saved, ContentEditorView? Form, bool Forbidden = false, string? Note = null);
