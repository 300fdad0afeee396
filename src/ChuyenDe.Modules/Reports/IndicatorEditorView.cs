using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>The indicator editor page, for a round or a template (<c>Views/Shared/IndicatorEditor</c>).</summary>
public sealed record IndicatorEditorView(
    string Heading,
    string Action,
    string BackUrl,
    string BackText,
    List<IndicatorRowForm> Rows,
    bool Unsaved);
