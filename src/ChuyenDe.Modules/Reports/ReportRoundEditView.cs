using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Indicators;

namespace ChuyenDe.Modules.Reports;

/// <summary>The round settings page: create (no round yet) or edit.</summary>
public sealed record ReportRoundEditView(
    ReportRound? Round,
    ReportRoundForm Form,
    IReadOnlyList<ReportTemplate> Templates,
    IReadOnlyList<UnitChoice> Units,
    IReadOnlyList<MediaChoice> Documents,
    string OwnerName,
    IReadOnlyList<OutlineSection> Outline,
    IReadOnlyList<IndicatorDefinition> Indicators,
    Func<DateTime, DateTime> ToLocal,
    bool CanExport = false,
    bool CanExportReports = false);
