using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>The outline editor page, for a round or a template (one view, <c>Views/Shared/OutlineEditor</c>).</summary>
public sealed record OutlineEditorView(
    string Heading,
    string Action,
    string BackUrl,
    string BackText,
    List<OutlineRowForm> Rows,
    bool Unsaved);
