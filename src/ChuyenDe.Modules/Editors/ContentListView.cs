using ChuyenDe.Modules.Fields.Editing;

namespace ChuyenDe.Modules.Editors;

public sealed record ContentListView(
    ContentListFilter Filter,
    IReadOnlyList<ContentRowView> Rows,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<EditorOption> Types,
    IReadOnlyList<EditorOption> Organizations,
    IReadOnlyList<TermGroupOption> TermGroups,
    IReadOnlyList<EditorOption> CreatableTypes);
