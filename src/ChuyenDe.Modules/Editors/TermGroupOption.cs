using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Editors;

public sealed record TermGroupOption(string Title, IReadOnlyList<EditorOption> Terms);
